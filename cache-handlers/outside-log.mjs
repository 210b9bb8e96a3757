// @ts-check
// Invalidations made by other processes: `npm run db:import` and `npm run user:role` write to the
// database while a server may be showing it, and cannot reach its in-process tag store. They
// record the tags of what they changed in the CacheInvalidation table after each commit
// (server/cache/outside-invalidations.ts); the server's store reads what is new before every
// check, so the very next request sees their writes too. With Redis (REDIS_URL) they invalidate
// the shared tag store instead, and nothing reads this table.
import Database from "better-sqlite3";
import pg from "pg";
import { now } from "./clock.mjs";

/**
 * @typedef {object} OutsideLog
 * @property {() => Promise<{ tag: string, at: number }[]>} pull
 *   Invalidations recorded since the last pull; rejects when the database cannot be read.
 * @property {() => Promise<void>} close
 */

/** @typedef {{ id: number, tag: string, at: number }} Row */

/**
 * A reader of the database's CacheInvalidation table, SQLite or PostgreSQL, or null when there is
 * none to read (no SQLite file yet, or one migrated before the table existed): then nothing outside
 * is seen. On PostgreSQL a missing table reads as empty until it exists.
 * @param {string | undefined} databaseUrl
 * @returns {OutsideLog | null}
 */
export function openOutsideLog(databaseUrl = "file:./prisma/dev.db") {
  if (databaseUrl.startsWith("file:")) return openSqliteLog(databaseUrl.slice("file:".length));
  if (/^postgres(ql)?:/.test(databaseUrl)) return openPostgresLog(databaseUrl);
  return null;
}

/**
 * @param {string} file
 * @returns {OutsideLog | null}
 */
function openSqliteLog(file) {
  /** @type {Database.Database | undefined} */
  let opened;
  /** @type {Database.Statement} */
  let select;
  let lastId = 0;
  try {
    opened = new Database(file, { readonly: true, fileMustExist: true });
    // What was recorded before this process started concerns caches it never had.
    lastId =
      /** @type {{ last: number | null }} */ (
        opened.prepare(`SELECT max("id") AS "last" FROM "CacheInvalidation"`).get()
      ).last ?? 0;
    select = opened.prepare(`SELECT "id", "tag", "at" FROM "CacheInvalidation" WHERE "id" > ? ORDER BY "id"`);
  } catch {
    opened?.close();
    return null;
  }
  const db = opened;
  return {
    async pull() {
      // One writer at a time: ids are handed out in commit order, and none can appear below the last.
      const rows = /** @type {Row[]} */ (select.all(lastId));
      const last = rows.at(-1);
      if (last) lastId = last.id;
      return rows;
    },
    async close() {
      db.close();
    },
  };
}

/**
 * How long after a row appears any row with a smaller id may still appear. On PostgreSQL ids come
 * from a sequence when a row is inserted, not when it commits: two command-line writers may commit
 * out of order, and a pull may see id 11 before id 10 exists for it. Each writer's transaction is
 * one insert and one delete, committed within milliseconds; 10 s is a wide margin.
 */
export const PG_SETTLE_MS = 10_000;

/** PostgreSQL's "undefined_table": the database is migrated up to before the table existed. */
const UNDEFINED_TABLE = "42P01";

/**
 * @param {string} connectionString
 * @returns {OutsideLog}
 */
function openPostgresLog(connectionString) {
  // One connection: pulls are one indexed read each, and every request makes a few.
  const pool = new pg.Pool({ connectionString, max: 1, connectionTimeoutMillis: 2_000, query_timeout: 2_000 });
  // An idle connection that drops emits here (unhandled, it would end the process); the next pull reconnects.
  pool.on("error", () => {});
  const openedAt = now();
  /** Every row with an id at or below this has been pulled, or was recorded before this process started. */
  let watermark = /** @type {number | null} */ (null);
  /** @type {Map<number, number>} rows pulled above the watermark → when */
  const pulled = new Map();

  /** @param {unknown} error */
  const isMissingTable = (error) => /** @type {{ code?: unknown }} */ (error)?.code === UNDEFINED_TABLE;

  return {
    async pull() {
      /** @type {Row[]} */
      let rows;
      const pulledAt = now();
      try {
        // What was recorded before this process started concerns caches it never had. Only rows
        // older than the settling time count as such: a smaller id can still appear before that.
        watermark ??= Number(
          (
            await pool.query(`SELECT coalesce(max("id"), 0) AS "last" FROM "CacheInvalidation" WHERE "at" < $1`, [
              openedAt - PG_SETTLE_MS,
            ])
          ).rows[0].last,
        );
        rows = (
          await pool.query(`SELECT "id", "tag", "at" FROM "CacheInvalidation" WHERE "id" > $1 ORDER BY "id"`, [
            watermark,
          ])
        ).rows;
      } catch (error) {
        if (isMissingTable(error)) return [];
        throw error;
      }
      const fresh = rows.filter((row) => !pulled.has(row.id));
      for (const row of fresh) pulled.set(row.id, pulledAt);
      // A row pulled a settling time ago: every smaller id has committed since, and this pull,
      // which began later, has seen it. The watermark can pass it.
      for (const [id, when] of pulled) if (when <= pulledAt - PG_SETTLE_MS) watermark = Math.max(watermark, id);
      for (const id of pulled.keys()) if (id <= watermark) pulled.delete(id);
      return fresh;
    },
    async close() {
      await pool.end();
    },
  };
}
