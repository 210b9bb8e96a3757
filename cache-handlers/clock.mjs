// @ts-check
// The clock of every cache timestamp: entries' read times and tags' invalidation times.

/** Milliseconds since the epoch, sub-millisecond and monotonic. */
export function now() {
  return performance.timeOrigin + performance.now();
}

/**
 * How far ahead of its own clock a process stamps an invalidation that other processes, perhaps on
 * other machines, compare with their entries' times (Redis, the database's outside log). Clocks
 * differ a little between machines (NTP keeps them within a few milliseconds): a reader whose
 * clock runs ahead of the writer's would otherwise date a read made just before the write after
 * its invalidation, and keep the old data as fresh. The cost: an entry read in the first 50 ms
 * after a write counts as stale too, and is read again.
 */
export const CLOCK_SKEW_MARGIN_MS = 50;
