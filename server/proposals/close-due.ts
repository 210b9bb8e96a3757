import "server-only";
import { cacheTags } from "@/lib/cache-tags";
import { invalidateTags } from "../cache/invalidate-tags";
import { db, type DbTx } from "../db";

/** How often each server process closes the proposals whose time has come. */
export const CLOSE_DUE_INTERVAL_MS = 30_000;

/**
 * Closes every open proposal whose closesAt has passed, at closesAt (not at the moment this ran),
 * in one statement: `WHERE "closedAt" IS NULL` makes it idempotent, and two instances running it
 * at once close each proposal once (SQLite runs one writer at a time; on PostgreSQL the second
 * UPDATE waits for the first's row locks, re-checks its WHERE and finds them closed). RETURNING
 * names only what this run closed, so each proposal's tags are invalidated by the run that closed it.
 */
export async function closeDueProposals(
  tx: DbTx = db,
  now = new Date(),
): Promise<{ id: string; subheadingId: string }[]> {
  return tx.$queryRaw<{ id: string; subheadingId: string }[]>`
    UPDATE "Proposal" SET "closedAt" = "closesAt", "updatedAt" = ${now}
    WHERE "closedAt" IS NULL AND "closesAt" <= ${now}
    RETURNING "id", "subheadingId"`;
}

/**
 * One run of the scheduled step: close what is due, then invalidate the tags of the pages showing
 * it through the same path the actions use (the tag store: this process, or Redis for every
 * instance). A closed proposal changes only its subheading's proposals (the outline shows outcomes,
 * which come later), so `proposals:<subheadingId>` is its one tag. Resolves to how many it closed.
 */
export async function runCloseDue(
  invalidate: (tags: readonly string[]) => Promise<void> = invalidateTags,
  now = new Date(),
): Promise<number> {
  const closed = await closeDueProposals(db, now);
  if (closed.length > 0) {
    await invalidate([...new Set(closed.map((p) => cacheTags.proposals(p.subheadingId)))]);
  }
  return closed.length;
}

// The periodic run, per server process (like the notification and email sweeps), but started when
// the server starts (instrumentation.ts), not by a first request: a proposal closes on time even if
// nobody visits. unref'd, and stopped on SIGTERM/SIGINT after the run in flight.
const EXIT_SIGNALS = ["SIGTERM", "SIGINT"] as const;
let timer: NodeJS.Timeout | null = null;
let running: Promise<unknown> | null = null;

/** Starts this process's scheduled close, once. */
export function ensureProposalCloser(intervalMs = CLOSE_DUE_INTERVAL_MS): void {
  if (timer) return;
  timer = setInterval(tick, intervalMs).unref();
  for (const signal of EXIT_SIGNALS) process.once(signal, onExit);
  setImmediate(tick);
}

function tick() {
  // One run at a time per process: a slow database must not stack them up.
  running ??= runCloseDue()
    .catch((error: unknown) => console.error("[proposals] scheduled close failed:", error))
    .finally(() => (running = null));
}

/** Stops the scheduled close (tests; shutdown). */
export function stopProposalCloser(): void {
  if (timer) clearInterval(timer);
  timer = null;
  for (const signal of EXIT_SIGNALS) process.off(signal, onExit);
}

// The run in flight finishes; when nothing else handles the signal (server.mjs does), the process
// then exits as the signal would have.
function onExit(signal: NodeJS.Signals) {
  stopProposalCloser();
  void Promise.resolve(running).finally(() => {
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  });
}
