import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { now } from "./clock.mjs";
import { createDataCacheHandler } from "./data.mjs";
import { type OutsideLog, openOutsideLog } from "./outside-log.mjs";
import { relayTo } from "./test-servers";
import { createMemoryTagStore } from "./tag-store.mjs";

// One server on PostgreSQL without Redis: command-line writes reach it through the
// CacheInvalidation table (server/cache/outside-invalidations.ts), read before every cache check.

const serverUrl = process.env.TEST_PG_URL;
if (!serverUrl) throw new Error("*.pg.test.ts files need TEST_PG_URL, a PostgreSQL server URL");

/** A scratch database of this file's own, dropped afterwards. */
async function scratchDatabase(withTable = true) {
  const name = `dc_outside_log_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString() });
  const logs: OutsideLog[] = [];
  afterAll(async () => {
    for (const log of logs) await log.close();
    await pool.end();
    const dropper = new pg.Client({ connectionString: serverUrl });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await dropper.end();
  });
  const createTable = () =>
    pool.query(`CREATE TABLE "CacheInvalidation" ("id" SERIAL PRIMARY KEY, "tag" TEXT NOT NULL, "at" DOUBLE PRECISION NOT NULL);
      CREATE INDEX "CacheInvalidation_at_idx" ON "CacheInvalidation"("at")`);
  if (withTable) await createTable();
  return {
    pool,
    createTable,
    url: url.toString(),
    /** The server's reader, as getTagStore() opens it for a postgresql:// DATABASE_URL. */
    open(through = url.toString()) {
      const log = openOutsideLog(through)!;
      logs.push(log);
      return log;
    },
    /** What the command line records after a commit: stamped just after it. */
    record: (tag: string, at = now() + 50, client: pg.ClientBase | pg.Pool = pool) =>
      client.query(`INSERT INTO "CacheInvalidation" ("tag", "at") VALUES ($1, $2) RETURNING "id"`, [tag, at]),
  };
}

describe("the outside log on PostgreSQL", () => {
  it("lets the server's store see a tag another process invalidated, from its next check on", async () => {
    const database = await scratchDatabase();
    await database.record("thread:long-ago", now() - 3600_000); // before this server started
    const log = database.open();
    const store = createMemoryTagStore({ outside: log });
    const readAt = now();
    expect(await store.invalidatedAfter(["debate-posts:d1"], readAt)).toBe(false);

    await database.record("debate-posts:d1"); // an import committed a batch into debate d1
    expect(await store.invalidatedAfter(["debate-posts:d1"], readAt)).toBe(true);
    expect(await store.invalidatedAfter(["debate-posts:d2"], readAt)).toBe(false);
    expect(await log.pull()).toEqual([]); // each row is taken in once
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await store.invalidatedAfter(["debate-posts:d1"], now())).toBe(false);
  });

  it("sees a row whose id was handed out before one it already read, once it commits", async () => {
    // Two command-line writers: the first takes its id, the second takes the next and commits first.
    const database = await scratchDatabase();
    const log = database.open();
    await log.pull();
    const slow = await database.pool.connect();
    try {
      await slow.query("BEGIN");
      const first = await database.record("author:slow", now() + 50, slow);
      const second = await database.record("debates");
      expect(first.rows[0].id).toBeLessThan(second.rows[0].id);
      expect((await log.pull()).map((row) => row.tag)).toEqual(["debates"]);

      await slow.query("COMMIT");
      expect((await log.pull()).map((row) => row.tag)).toEqual(["author:slow"]);
      expect(await log.pull()).toEqual([]);
    } finally {
      slow.release();
    }
  });

  it("reads nothing until the table exists, then what is recorded in it", async () => {
    const database = await scratchDatabase(false);
    const log = database.open();
    expect(await log.pull()).toEqual([]);
    await database.createTable(); // the server started before `migrate deploy` ran
    await database.record("debates");
    expect((await log.pull()).map((row) => row.tag)).toEqual(["debates"]);
  });

  it("fails a check it cannot make, which the handlers count as a miss", async () => {
    const database = await scratchDatabase();
    const relay = await relayTo(database.url);
    const log = database.open(relay.url);
    const handler = createDataCacheHandler({ tagStore: createMemoryTagStore({ outside: log }) });
    const entry = () => {
      const value = new Response("rows").body!;
      return Promise.resolve({ value, tags: ["debates"], stale: 300, timestamp: now(), revalidate: 900, expire: 900 });
    };
    await handler.set("home", entry());
    expect(await handler.get("home", [])).toBeDefined();

    await relay.cut(); // the database stops answering
    await expect(log.pull()).rejects.toThrow();
    expect(await handler.get("home", [])).toBeUndefined();
  });
});
