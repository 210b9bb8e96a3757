import Database from "better-sqlite3";
import { encode } from "next-auth/jwt";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

// Members made straight in the e2e database, signed in by a session cookie of the server's own
// secret: for tests that need many writers at once (sign-up is rate-limited, as it should be).
// The database is SQLite on the default leg and PostgreSQL on the cluster leg (playwright.config.ts).

export const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;
/** The e2e database's URL (playwright.config.ts): a `file:` URL on the SQLite leg, PostgreSQL on the cluster leg. */
export const e2eDatabaseUrl = () => process.env.E2E_DATABASE_URL!;
/** The e2e database's file, on the SQLite leg. */
export const e2eDatabase = () => path.join(process.env.E2E_DATA_DIR!, "e2e.db");
const onPostgres = () => e2eDatabaseUrl().startsWith("postgres");

/** The environment for an `npm run` command that writes to the e2e database as the servers see it. */
export function e2eCommandEnv(): NodeJS.ProcessEnv {
  const cluster = Number(process.env.E2E_INSTANCES ?? 1) > 1;
  // The same Redis and key prefix as the instances (playwright.config.ts); none on the SQLite leg.
  return {
    ...process.env,
    DATABASE_URL: e2eDatabaseUrl(),
    REDIS_URL: cluster ? process.env.E2E_REDIS_URL : "",
    REDIS_PREFIX: process.env.E2E_REDIS_PREFIX,
  };
}

let counter = 0;
/** `count` week-old members (past the first-day posting limit), with their session cookies. */
export async function makeMembers(count: number): Promise<{ id: string; cookie: string }[]> {
  const ids = Array.from({ length: count }, () => `e2e-${process.pid}-${Date.now().toString(36)}-${++counter}`);
  if (onPostgres()) await insertMembersInPostgres(ids);
  else insertMembersInSqlite(ids);
  return Promise.all(
    ids.map(async (id) => ({
      id,
      cookie: `next-auth.session-token=${await encode({ token: { uid: id, sid: `session-${id}`, name: `Writer ${id}` }, secret: process.env.E2E_SECRET! })}`,
    })),
  );
}

function insertMembersInSqlite(ids: string[]) {
  const db = new Database(e2eDatabase());
  db.pragma("busy_timeout = 5000");
  const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
  const weekAgo = iso(Date.now() - 7 * 86400_000);
  const insert = db.prepare(`INSERT INTO "User" (id, name, email, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)`);
  // Each signed in as next-auth would have done it: a live session row, named in the JWT.
  const startSession = db.prepare(
    `INSERT INTO "UserSession" (id, userId, createdAt, lastSeenAt, expiresAt) VALUES (?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const id of ids) {
      insert.run(id, `Writer ${id}`, `${id}@example.test`, weekAgo, weekAgo);
      startSession.run(`session-${id}`, id, iso(Date.now()), iso(Date.now()), iso(Date.now() + 86400_000));
    }
  })();
  db.close();
}

/** The same rows in PostgreSQL, where Prisma's timestamp(3) columns hold UTC without a zone. */
async function insertMembersInPostgres(ids: string[]) {
  const utc = (ms: number) => new Date(ms).toISOString().replace("Z", "");
  const weekAgo = utc(Date.now() - 7 * 86400_000);
  await inPostgres(async (client) => {
    await client.query("BEGIN");
    for (const id of ids) {
      await client.query(
        `INSERT INTO "User" ("id", "name", "email", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, $5)`,
        [id, `Writer ${id}`, `${id}@example.test`, weekAgo, weekAgo],
      );
      await client.query(
        `INSERT INTO "UserSession" ("id", "userId", "createdAt", "lastSeenAt", "expiresAt") VALUES ($1, $2, $3, $4, $5)`,
        [`session-${id}`, id, utc(Date.now()), utc(Date.now()), utc(Date.now() + 86400_000)],
      );
    }
    await client.query("COMMIT");
  });
}

/** Runs `work` over a connection of its own to the e2e PostgreSQL database (a failed transaction ends with it). */
async function inPostgres<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
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

/**
 * Calls a `useActionState` Server Action the way the browser does, from the page at `pagePath`;
 * `headers` adds to the request's (the cluster proxy's pin, e2e/instances.spec.ts). `instance` is
 * the instance that served it, as the cluster's proxy says (null with one instance, no proxy).
 */
export async function callAction(
  name: string,
  {
    pagePath,
    cookie,
    fields,
    headers = {},
  }: { pagePath: string; cookie: string; fields: Record<string, string>; headers?: Record<string, string> },
): Promise<{ ok: boolean; id: string | null; status: number; text: string; instance: string | null }> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(`_1_${key}`, value);
  form.set("0", JSON.stringify([{ ok: false }, "$K1"]));
  const response = await fetch(baseURL + pagePath, {
    method: "POST",
    headers: { ...headers, "next-action": actionId(name), accept: "text/x-component", origin: baseURL, cookie },
    body: form,
  });
  const text = await response.text();
  const ok = response.ok && /"ok":true/.test(text);
  return {
    ok,
    id: ok ? (text.match(/"id":"([^"]+)"/)?.[1] ?? null) : null,
    status: response.status,
    text,
    instance: response.headers.get("x-debate-instance"),
  };
}

/** Ids the tests need to address what the importer made: a subheading, and a post by its archive id. */
export async function idsOf(debateSlug: string, subheadingSlug: string, importKey: string) {
  const params = [debateSlug, subheadingSlug, importKey];
  type Row = { subheadingId: string; postId: string } | undefined;
  let row: Row;
  if (onPostgres()) {
    row = await inPostgres(
      async (client) =>
        (
          await client.query<NonNullable<Row>>(
            `SELECT s."id" AS "subheadingId", p."id" AS "postId" FROM "Subheading" s JOIN "Debate" d ON d."id" = s."debateId"
             JOIN "Post" p ON p."subheadingId" = s."id" WHERE d."slug" = $1 AND s."slug" = $2 AND p."importKey" = $3`,
            params,
          )
        ).rows[0],
    );
  } else {
    const db = new Database(e2eDatabase(), { readonly: true });
    try {
      row = db
        .prepare(
          `SELECT s.id AS subheadingId, p.id AS postId FROM "Subheading" s JOIN "Debate" d ON d.id = s.debateId
           JOIN "Post" p ON p.subheadingId = s.id WHERE d.slug = ? AND s.slug = ? AND p.importKey = ?`,
        )
        .get(...params) as Row;
    } finally {
      db.close();
    }
  }
  if (!row) throw new Error(`nothing imported at ${debateSlug}/${subheadingSlug}/${importKey}`);
  return row;
}
