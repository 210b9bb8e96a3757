import "server-only";
import type { Db } from "../db";

/** Stamped this far after the commit, so a server whose clock reads a little behind still sees it. */
const CLOCK_MARGIN_MS = 5;
/** Longer than any cache lifetime: older rows can no longer concern a cached entry. */
const KEEP_MS = 2 * 24 * 3600_000;

/**
 * For writes made outside the server (the command line): records, after the write has committed,
 * the tags of what it changed, for a running server to read before its next cache check
 * (cache-handlers/outside-log.mjs). The server's own writes invalidate its store directly.
 */
export async function recordOutsideInvalidation(db: Db, tags: Iterable<string>): Promise<void> {
  const distinct = [...new Set(tags)];
  if (distinct.length === 0) return;
  const at = performance.timeOrigin + performance.now() + CLOCK_MARGIN_MS;
  await db.$transaction([
    db.cacheInvalidation.createMany({ data: distinct.map((tag) => ({ tag, at })) }),
    db.cacheInvalidation.deleteMany({ where: { at: { lt: at - KEEP_MS } } }),
  ]);
}
