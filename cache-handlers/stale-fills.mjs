// @ts-check
// 'use cache' fills that were already stale when they finished: one of their tags was invalidated
// after their computation began. Next hands a pending fill to every concurrent request asking for
// the same entry (the cross-request dedupe in next/dist/server/use-cache/use-cache-wrapper.js)
// without consulting the handler, so a page whose request began after the invalidation can still
// render the old data. page.mjs dates such a page back to the start of the fill. Fills only go
// stale while a write lands during them, so the list stays short. Per process, like the dedupe.

import { now } from "./clock.mjs";

const FILLS_KEY = Symbol.for("debate-commons.stale-fills");

/** How long a stale fill is remembered after it ended: longer than any page render. */
const RETENTION_MS = 5 * 60_000;

/** @typedef {{ startedAt: number, endedAt: number }} StaleFill */

function staleFills() {
  const registry = /** @type {{ [FILLS_KEY]?: StaleFill[] }} */ (globalThis);
  return (registry[FILLS_KEY] ??= []);
}

/**
 * Called by the data handler when a fill that began at `startedAt` turns out stale.
 * @param {number} startedAt
 */
export function recordStaleFill(startedAt) {
  const fills = staleFills();
  const cutoff = now() - RETENTION_MS;
  while (fills.length > 0 && /** @type {StaleFill} */ (fills[0]).endedAt < cutoff) fills.shift();
  /** @type {StaleFill} */
  const fill = { startedAt, endedAt: Infinity };
  fills.push(fill);
  // Next releases the fill to joiners a few microtasks after the handler's `set` settles; it is
  // certainly no longer shared once the current macrotask is over.
  setImmediate(() => {
    fill.endedAt = now();
  });
}

/**
 * The earliest start of a stale fill that was still being shared at or after `since`, i.e. that a
 * render begun at `since` may have joined; Infinity when there is none.
 * @param {number} since
 */
export function earliestStaleFillSharedSince(since) {
  const fills = staleFills();
  let earliest = Infinity;
  // Fills end in the order they were recorded (setImmediate runs in order), so only the tail
  // that ended at or after `since` needs looking at.
  for (let i = fills.length - 1; i >= 0; i--) {
    const fill = /** @type {StaleFill} */ (fills[i]);
    if (fill.endedAt < since) break;
    earliest = Math.min(earliest, fill.startedAt);
  }
  return earliest;
}
