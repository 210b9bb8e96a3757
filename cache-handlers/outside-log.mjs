// @ts-check
// Invalidations made by other processes on this machine: `npm run db:import` and
// `npm run user:role` write to the database while a server may be showing it, and cannot reach
// its in-process tag store. They record the tags of what they changed in the CacheInvalidation
// table after each commit (server/cache/outside-invalidations.ts); the server's store reads
// what is new before every check, so the very next request sees their writes too.
import Database from "better-sqlite3";

/**
 * @typedef {object} OutsideLog
 * @property {() => { tag: string, at: number }[]} pull invalidations recorded since the last pull
 */

/**
 * A reader of the database's CacheInvalidation table, or null when there is none to read (no
 * SQLite file yet, or one migrated before the table existed): then nothing outside is seen.
 * @param {string | undefined} databaseUrl
 * @returns {OutsideLog | null}
 */
export function openOutsideLog(databaseUrl = "file:./prisma/dev.db") {
  if (!databaseUrl.startsWith("file:")) return null;
  /** @type {Database.Statement | null} */
  let select = null;
  let lastId = 0;
  try {
    const db = new Database(databaseUrl.slice("file:".length), { readonly: true, fileMustExist: true });
    // What was recorded before this process started concerns caches it never had.
    lastId =
      /** @type {{ last: number | null }} */ (db.prepare(`SELECT max("id") AS "last" FROM "CacheInvalidation"`).get())
        .last ?? 0;
    select = db.prepare(`SELECT "id", "tag", "at" FROM "CacheInvalidation" WHERE "id" > ? ORDER BY "id"`);
  } catch {
    return null;
  }
  const statement = select;
  return {
    pull() {
      const rows = /** @type {{ id: number, tag: string, at: number }[]} */ (statement.all(lastId));
      const last = rows.at(-1);
      if (last) lastId = last.id;
      return rows;
    },
  };
}
