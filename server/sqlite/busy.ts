// No `import "server-only"`: the adapter that uses this is also loaded by Prisma's CLI
// (prisma.config.ts), where that package throws.
import { DriverAdapterError, isDriverAdapterError } from "@prisma/driver-adapter-utils";

/** How long a write waits, in all, for this process's writer and then for SQLite's lock. */
export const BUSY_DEADLINE_MS = 5_000;
// Backoff between attempts: short at first (most waits are one other short transaction), capped so
// a waiter notices soon after a long holder lets go.
const FIRST_BACKOFF_MS = 5;
const MAX_BACKOFF_MS = 100;

// By name, not instanceof: Prisma's runtime bundles its own copy of DriverAdapterError.
const driverCode = (error: object): unknown =>
  isDriverAdapterError(error) ? error.cause.originalCode : (error as { code?: unknown }).code;

// PostgreSQL's ways of saying "not now" (SQLSTATE): a serialization failure, a deadlock (one of
// the two transactions is cancelled), a lock or statement timeout, too many connections.
const POSTGRES_BUSY = new Set(["40001", "40P01", "55P03", "57014", "53300"]);

/** SQLite's "database is locked", raw from better-sqlite3 or converted by the Prisma adapter. */
function isSqliteBusy(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = driverCode(error);
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

/** SQLite's busy error, or the PostgreSQL adapter's equivalents. */
function hasBusyCode(error: unknown): boolean {
  if (isSqliteBusy(error)) return true;
  if (typeof error !== "object" || error === null) return false;
  const code = driverCode(error);
  return typeof code === "string" && POSTGRES_BUSY.has(code);
}

const messageOf = (error: unknown): string =>
  isDriverAdapterError(error) ? (error.cause.originalMessage ?? error.message) : String(error);

/**
 * True when `error` means "the database stayed busy past our deadline": what a caller should
 * answer with 503 / "try again". It recognises the adapter's error however far Prisma wrapped it:
 * as is, as the PrismaClientKnownRequestError (P1008) of a query or `$transaction`, or the P2010
 * of a raw query, both of which carry it in `meta.driverAdapterError`.
 */
export function isDatabaseBusy(error: unknown): boolean {
  return busyWithin(error, 0);
}

function busyWithin(error: unknown, depth: number): boolean {
  if (typeof error !== "object" || error === null || depth > 4) return false;
  if (hasBusyCode(error)) return true;
  // Prisma's transaction API error: a transaction that could not start (every pooled connection
  // taken) or outlived its timeout waiting for locks; it was rolled back, nothing was written.
  if ((error as { code?: unknown }).code === "P2028") return true;
  const { meta, cause } = error as { meta?: { driverAdapterError?: unknown }; cause?: unknown };
  return busyWithin(meta?.driverAdapterError, depth + 1) || busyWithin(cause, depth + 1);
}

/** The error a caller gets once the deadline has passed: the adapter's own kind for SQLITE_BUSY. */
export function busyError(waitedMs: number, detail: string): DriverAdapterError {
  return new DriverAdapterError({
    kind: "SocketTimeout",
    originalCode: "SQLITE_BUSY",
    originalMessage: `database is busy: gave up after ${waitedMs} ms (${detail})`,
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until it does not fail with SQLITE_BUSY, sleeping between tries so the event loop
 * stays free (SQLite's own busy timeout is kept short in the server for that reason), and gives up
 * with `busyError` at `deadline`. Only for statements that leave nothing behind when they fail
 * busy: BEGIN, COMMIT, and single autocommit statements (SQLite rolls those back whole).
 */
export async function retryWhileBusy<T>(attempt: () => Promise<T>, started: number, deadline: number): Promise<T> {
  for (let backoff = FIRST_BACKOFF_MS; ; backoff = Math.min(backoff * 2, MAX_BACKOFF_MS)) {
    try {
      return await attempt();
    } catch (error) {
      if (!isSqliteBusy(error)) throw error;
      const now = Date.now();
      if (now >= deadline) throw busyError(now - started, messageOf(error));
      await sleep(Math.min(backoff, deadline - now));
    }
  }
}
