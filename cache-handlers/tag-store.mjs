// @ts-check
// When each cache tag was last invalidated. Writes record here (server/cache/invalidate-tags.ts)
// and both cache handlers read here (data.mjs, page.mjs): an entry is stale when one of its tags
// was invalidated at or after the moment its content was read.
//
// Next loads the handlers with a plain import() while the Server Actions run inside Turbopack's
// bundle, so this file is evaluated twice in one process. Both copies share one store through a
// global symbol. When the app runs as several instances (REDIS_URL), the store is Redis
// (redis-tag-store.mjs) instead of this in-process one, so an invalidation reaches every instance.

/**
 * @typedef {object} TagStore
 * @property {(tags: readonly string[]) => Promise<void>} invalidate
 *   Records now as the invalidation time of every tag. Rejects when it could not be recorded: a
 *   write must learn that its readers may see the old data, never assume they do not.
 * @property {(tags: readonly string[], timestamp: number) => Promise<boolean>} invalidatedAfter
 *   True when one of the tags was invalidated at or after `timestamp` (a tie counts as stale: the
 *   read may have happened just before the write it ties with). Rejects when the store cannot be
 *   read; the handlers then treat the entry as stale.
 */

import { now } from "./clock.mjs";
import { openOutsideLog } from "./outside-log.mjs";
import { usesRedis } from "./redis-client.mjs";
import { createRedisTagStore } from "./redis-tag-store.mjs";

export { now } from "./clock.mjs";

const STORE_KEY = Symbol.for("debate-commons.tag-store");

/** Tags remembered before the oldest is forgotten (≈ 10 MB at worst). */
export const MAX_TAGS = 100_000;

/**
 * An in-process store. Forgetting a tag must never make an entry look fresh, so the store keeps a
 * floor: the latest invalidation time it has forgotten. Anything read at or before the floor is
 * stale, whatever its tags. With `outside`, it also takes in what other processes recorded
 * (outside-log.mjs) before every check.
 * @param {{ maxTags?: number, outside?: import("./outside-log.mjs").OutsideLog | null }} [options]
 * @returns {TagStore}
 */
export function createMemoryTagStore({ maxTags = MAX_TAGS, outside = null } = {}) {
  /** @type {Map<string, number>} kept in order of invalidation, oldest first */
  const invalidatedAt = new Map();
  let floor = -Infinity;

  /** @param {string} tag @param {number} at */
  function record(tag, at) {
    const previous = invalidatedAt.get(tag) ?? -Infinity;
    invalidatedAt.delete(tag);
    invalidatedAt.set(tag, Math.max(previous, at));
  }
  function forgetOldest() {
    for (const [tag, time] of invalidatedAt) {
      if (invalidatedAt.size <= maxTags) break;
      invalidatedAt.delete(tag);
      floor = Math.max(floor, time);
    }
  }

  return {
    async invalidate(tags) {
      const at = now();
      for (const tag of tags) record(tag, at);
      forgetOldest();
    },
    async invalidatedAfter(tags, timestamp) {
      const fromOutside = (await outside?.pull()) ?? [];
      for (const { tag, at } of fromOutside) record(tag, at);
      if (fromOutside.length > 0) forgetOldest();
      if (timestamp <= floor) return true;
      return tags.some((tag) => (invalidatedAt.get(tag) ?? -Infinity) >= timestamp);
    },
  };
}

/**
 * The process's store, created by whichever module asks first: Redis when the app shares it with
 * other instances (command-line writes then invalidate Redis too), else in-process, reading the
 * outside log of its database.
 */
export function getTagStore() {
  const registry = /** @type {{ [STORE_KEY]?: TagStore }} */ (globalThis);
  return (registry[STORE_KEY] ??= usesRedis()
    ? createRedisTagStore()
    : createMemoryTagStore({ outside: openOutsideLog(process.env.DATABASE_URL) }));
}

/**
 * Expires every cached read and page carrying one of these tags.
 * @param {readonly string[]} tags
 */
export function invalidateTags(tags) {
  return getTagStore().invalidate(tags);
}
