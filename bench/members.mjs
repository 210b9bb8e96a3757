// The database and the Server Action, as npm run bench:cluster uses them: members made straight
// in the database and signed in with session cookies of the instances' own secret, as
// e2e/members.ts does (sign-up is rate-limited, as it should be), posting the way the browser does.
import Database from "better-sqlite3";
import { encode } from "next-auth/jwt";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { INSTANCE_HEADER } from "../scripts/round-robin-proxy.mjs";

/** The app's database, SQLite or PostgreSQL, behind one small interface with `?` placeholders. */
export async function openDatabase(url) {
  if (url.startsWith("postgres")) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const numbered = (sql) => {
      let n = 0;
      return sql.replace(/\?/g, () => `$${++n}`);
    };
    return {
      all: async (sql, params = []) => (await client.query(numbered(sql), params)).rows,
      // Prisma's timestamp(3) columns hold UTC without a zone.
      time: (ms) => new Date(ms).toISOString().replace("Z", ""),
      close: () => client.end(),
    };
  }
  const db = new Database(url.slice("file:".length));
  db.pragma("busy_timeout = 5000");
  return {
    all: async (sql, params = []) => {
      const statement = db.prepare(sql);
      return statement.reader ? statement.all(...params) : (statement.run(...params), []);
    },
    // How the app's SQLite adapter stores a DateTime.
    time: (ms) => new Date(ms).toISOString().replace("Z", "+00:00"),
    close: async () => db.close(),
  };
}

let made = 0;
/**
 * `count` week-old members (past the first day's stricter posting limit), each with a live
 * session row and the cookie next-auth would have set for it.
 */
export async function makeMembers(db, count, secret) {
  const weekAgo = db.time(Date.now() - 7 * 86400_000);
  const now = db.time(Date.now());
  const tomorrow = db.time(Date.now() + 86400_000);
  const ids = Array.from({ length: count }, () => `bench-${process.pid}-${++made}`);
  await db.all("BEGIN");
  for (const id of ids) {
    await db.all(`INSERT INTO "User" ("id", "name", "email", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?)`, [
      id,
      `Member ${id}`,
      `${id}@example.test`,
      weekAgo,
      weekAgo,
    ]);
    await db.all(
      `INSERT INTO "UserSession" ("id", "userId", "createdAt", "lastSeenAt", "expiresAt") VALUES (?, ?, ?, ?, ?)`,
      [`session-${id}`, id, now, now, tomorrow],
    );
  }
  await db.all("COMMIT");
  return Promise.all(
    ids.map(async (id) => ({
      id,
      cookie: `next-auth.session-token=${await encode({ token: { uid: id, sid: `session-${id}`, name: id }, secret })}`,
    })),
  );
}

/** The id of createPostAction in the build in `distDir`: it changes with every build. */
export function createPostActionId(distDir) {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "server/server-reference-manifest.json"), "utf8"));
  const id = Object.entries(manifest.node).find(([, v]) => v.exportedName === "createPostAction")?.[0];
  if (!id) throw new Error(`createPostAction is not in ${distDir}'s server reference manifest`);
  return id;
}

/**
 * One post through createPostAction, as `useActionState` sends it from `pagePath` (a reply when
 * `parentId` is given); `instance` pins it to one instance behind the proxy. `refused` is the
 * app saying no (posting too fast, or busy: nothing saved); `ok` false and not refused is an error.
 */
export async function post({ base, pagePath, actionId, cookie, subheadingId, parentId, instance }) {
  const form = new FormData();
  form.set("_1_subheadingId", subheadingId);
  if (parentId) form.set("_1_parentId", parentId);
  form.set("_1_title", "");
  form.set("_1_body", `Benchmark post: a paragraph of the length people write here, with *some* Markdown.`);
  form.set("_1_idempotencyKey", randomUUID());
  form.set("0", JSON.stringify([{ ok: false }, "$K1"]));
  const headers = { "next-action": actionId, accept: "text/x-component", origin: base, cookie };
  if (instance !== undefined) headers[INSTANCE_HEADER] = String(instance);
  try {
    const response = await fetch(base + pagePath, { method: "POST", headers, body: form });
    const text = await response.text();
    const ok = response.ok && /"ok":true/.test(text);
    const refused = !ok && /posting quickly|site is busy/.test(text);
    return { ok, refused, id: ok ? (text.match(/"id":"([^"]+)"/)?.[1] ?? null) : null, status: response.status };
  } catch (error) {
    return { ok: false, refused: false, id: null, status: 0, error };
  }
}
