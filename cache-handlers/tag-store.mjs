// @ts-check
// When each cache tag was last invalidated. Writes record here (server/cache/invalidate-tags.ts)
// and both cache handlers read here (data.mjs, page.mjs): an entry is stale when one of its tags
// was invalidated at or after the moment its content was read.
//
// Next loads the handlers with a plain import() while the Server Actions run inside Turbopack's
// bundle, so this file is evaluated twice in one process. Both copies share one store through a
// global symbol. The interface is async so that a shared store (Redis) can replace this one when
// the app runs as several instances.

/**
 * @typedef {object} TagStore
 * @property {(tags: readonly string[]) => Promise<void>} invalidate
 *   Records now as the invalidation time of every tag.
 * @property {(tags: readonly string[], timestamp: number) => Promise<boolean>} invalidatedAfter
 *   True when one of the tags was invalidated at or after `timestamp` (a tie counts as stale: the
 *   read may have happened just before the write it ties with).
 */

const STORE_KEY = Symbol.for("debate-commons.tag-store");

/** Tags remembered before the oldest is forgotten (≈ 10 MB at worst). */
export const MAX_TAGS = 100_000;

/** Milliseconds since the epoch, sub-millisecond and monotonic; the clock of every cache timestamp. */
export function now() {
  return performance.timeOrigin + performance.now();
}

/**
 * An in-process store. Forgetting a tag must never make an entry look fresh, so the store keeps a
 * floor: the latest invalidation time it has forgotten. Anything read at or before the floor is
 * stale, whatever its tags.
 * @param {{ maxTags?: number }} [options]
 * @returns {TagStore}
 */
export function createMemoryTagStore({ maxTags = MAX_TAGS } = {}) {
  /** @type {Map<string, number>} kept in order of invalidation, oldest first */
  const invalidatedAt = new Map();
  let floor = -Infinity;

  return {
    async invalidate(tags) {
      const at = now();
      for (const tag of tags) {
        const previous = invalidatedAt.get(tag) ?? -Infinity;
        invalidatedAt.delete(tag);
        invalidatedAt.set(tag, Math.max(previous, at));
      }
      for (const [tag, time] of invalidatedAt) {
        if (invalidatedAt.size <= maxTags) break;
        invalidatedAt.delete(tag);
        floor = Math.max(floor, time);
      }
    },
    async invalidatedAfter(tags, timestamp) {
      if (timestamp <= floor) return true;
      return tags.some((tag) => (invalidatedAt.get(tag) ?? -Infinity) >= timestamp);
    },
  };
}

/** The process's store, created by whichever module asks first. */
export function getTagStore() {
  const registry = /** @type {{ [STORE_KEY]?: TagStore }} */ (globalThis);
  return (registry[STORE_KEY] ??= createMemoryTagStore());
}

/**
 * Expires every cached read and page carrying one of these tags.
 * @param {readonly string[]} tags
 */
export function invalidateTags(tags) {
  return getTagStore().invalidate(tags);
}
