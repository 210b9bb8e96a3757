import Database from "better-sqlite3";
import { encode } from "next-auth/jwt";
import { readFileSync } from "node:fs";
import path from "node:path";

// Members made straight in the e2e database, signed in by a session cookie of the server's own
// secret: for tests that need many writers at once (sign-up is rate-limited, as it should be).

export const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;
export const e2eDatabase = () => path.join(process.env.E2E_DATA_DIR!, "e2e.db");

let counter = 0;
/** `count` week-old members (past the first-day posting limit), with their session cookies. */
export async function makeMembers(count: number): Promise<{ id: string; cookie: string }[]> {
  const db = new Database(e2eDatabase());
  db.pragma("busy_timeout = 5000");
  const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
  const weekAgo = iso(Date.now() - 7 * 86400_000);
  const insert = db.prepare(`INSERT INTO "User" (id, name, email, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)`);
  // Each signed in as next-auth would have done it: a live session row, named in the JWT.
  const startSession = db.prepare(
    `INSERT INTO "UserSession" (id, userId, createdAt, lastSeenAt, expiresAt) VALUES (?, ?, ?, ?, ?)`,
  );
  const ids: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = `e2e-${process.pid}-${Date.now().toString(36)}-${++counter}`;
      insert.run(id, `Writer ${id}`, `${id}@example.test`, weekAgo, weekAgo);
      startSession.run(`session-${id}`, id, iso(Date.now()), iso(Date.now()), iso(Date.now() + 86400_000));
      ids.push(id);
    }
  })();
  db.close();
  return Promise.all(
    ids.map(async (id) => ({
      id,
      cookie: `next-auth.session-token=${await encode({ token: { uid: id, sid: `session-${id}`, name: `Writer ${id}` }, secret: process.env.E2E_SECRET! })}`,
    })),
  );
}

/** The id of a Server Action in the e2e build, by its exported name. */
export function actionId(name: string): string {
  const manifest = JSON.parse(readFileSync(".next-e2e/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const id = Object.entries(manifest.node).find(([, v]) => v.exportedName === name)?.[0];
  if (!id) throw new Error(`${name} is not in the build`);
  return id;
}

/** Calls a `useActionState` Server Action the way the browser does, from the page at `pagePath`. */
export async function callAction(
  name: string,
  { pagePath, cookie, fields }: { pagePath: string; cookie: string; fields: Record<string, string> },
): Promise<{ ok: boolean; id: string | null; status: number }> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(`_1_${key}`, value);
  form.set("0", JSON.stringify([{ ok: false }, "$K1"]));
  const response = await fetch(baseURL + pagePath, {
    method: "POST",
    headers: { "next-action": actionId(name), accept: "text/x-component", origin: baseURL, cookie },
    body: form,
  });
  const text = await response.text();
  const ok = response.ok && /"ok":true/.test(text);
  return { ok, id: ok ? (text.match(/"id":"([^"]+)"/)?.[1] ?? null) : null, status: response.status };
}

/** Ids the tests need to address what the importer made: a subheading, and a post by its archive id. */
export function idsOf(debateSlug: string, subheadingSlug: string, importKey: string) {
  const db = new Database(e2eDatabase(), { readonly: true });
  try {
    const row = db
      .prepare(
        `SELECT s.id AS subheadingId, p.id AS postId FROM "Subheading" s JOIN "Debate" d ON d.id = s.debateId
         JOIN "Post" p ON p.subheadingId = s.id WHERE d.slug = ? AND s.slug = ? AND p.importKey = ?`,
      )
      .get(debateSlug, subheadingSlug, importKey) as { subheadingId: string; postId: string } | undefined;
    if (!row) throw new Error(`nothing imported at ${debateSlug}/${subheadingSlug}/${importKey}`);
    return row;
  } finally {
    db.close();
  }
}
