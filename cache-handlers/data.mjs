// @ts-check
// The 'use cache' handler (cacheHandlers.default in next.config.ts). It follows Next's own
// in-memory handler (next/dist/server/lib/cache-handlers/default.js) except that freshness comes
// from our tag store (tag-store.mjs), which the app's writes update directly. Entries live in this
// process, or in Redis when several instances share them (REDIS_URL); either way every read checks
// them against the tag store, which is then in Redis too.
//
// An entry's `timestamp` is the moment its computation began (use-cache-wrapper.js), so an entry
// whose tags, or the page's soft tags, were invalidated at or after that moment may hold data read
// before the write: it is a miss, however late its `set` completed.

import { createMemoryEntryStore } from "./entry-store.mjs";
import { usesRedis } from "./redis-client.mjs";
import { createRedisEntryStore } from "./redis-entry-store.mjs";
import { recordStaleFill } from "./stale-fills.mjs";
import { getTagStore, now } from "./tag-store.mjs";

/** @typedef {import("next/dist/server/lib/cache-handlers/types").CacheHandler} CacheHandler */
/** @typedef {import("next/dist/server/lib/cache-handlers/types").CacheEntry} CacheEntry */
/** @typedef {Omit<CacheEntry, "value"> & { value: Buffer }} StoredEntry */

export const MAX_SIZE = 50 * 1024 * 1024;

/** Next's MIN_PRERENDERABLE_EXPIRE: how long the dev server keeps even short-lived entries. */
const DEV_MIN_RETENTION_SECONDS = 300;

/**
 * @param {{
 *   maxSize?: number,
 *   tagStore?: import("./tag-store.mjs").TagStore,
 *   entries?: import("./entry-store.mjs").EntryStore<StoredEntry>,
 * }} [options] `maxSize` bounds the default in-process entries
 * @returns {CacheHandler}
 */
export function createDataCacheHandler({
  maxSize = MAX_SIZE,
  tagStore,
  entries = createMemoryEntryStore({ maxSize, sizeOf: (entry, key) => entry.value.byteLength + key.length + 1 }),
} = {}) {
  const store = () => tagStore ?? getTagStore();
  /** @type {Map<string, Promise<void>>} */
  const pendingSets = new Map();

  return {
    async get(cacheKey, softTags) {
      await pendingSets.get(cacheKey);
      const entry = await entries.get(cacheKey);
      if (!entry) return undefined;
      // A negative expire is Next's way of deleting an entry (the dev server's tiered handler).
      if (entry.expire < 0) return undefined;
      if (now() > servedUntil(entry)) return undefined;
      try {
        if (await store().invalidatedAfter([...entry.tags, ...softTags], entry.timestamp)) {
          // Soft tags belong to the page asking; other pages may still use the entry.
          const deadForAll = await store().invalidatedAfter(entry.tags, entry.timestamp);
          if (deadForAll) void entries.delete(cacheKey, entry);
          return undefined;
        }
      } catch {
        // The tag store cannot be read (Redis unreachable): unproven fresh is a miss.
        return undefined;
      }
      return { ...entry, value: streamFromBuffer(entry.value) };
    },

    async set(cacheKey, pendingEntry) {
      /** @type {() => void} */
      let settle = () => {};
      const pending = new Promise((resolve) => (settle = () => resolve(undefined)));
      pendingSets.set(cacheKey, pending);
      try {
        const entry = await pendingEntry;
        // Next recomputes an `expire: 0` entry on every read in production: storing it is waste.
        const keep = process.env.__NEXT_DEV_SERVER || entry.expire !== 0;
        const value = keep ? await bufferStream(entry.value) : undefined;
        // Checked last, just before Next hands the result to the requests that shared the fill. A
        // check that cannot be made counts as stale: the fill may have been.
        const stale = await store()
          .invalidatedAfter(entry.tags, entry.timestamp)
          .catch(() => true);
        if (stale) {
          // Stale before it was stored: those requests rendered old data.
          recordStaleFill(entry.timestamp);
          await entries.delete(cacheKey);
          return;
        }
        if (value) await entries.set(cacheKey, { ...entry, value }, servedUntil(entry) - now());
      } catch {
        // The computation or its stream failed: keep nothing, the next read computes it again.
      } finally {
        if (pendingSets.get(cacheKey) === pending) pendingSets.delete(cacheKey);
        settle();
      }
    },

    async refreshTags() {
      // The store is consulted on every read; there is no local copy to refresh.
    },

    // Next compares what this returns with each entry's timestamp, once per request, for the
    // page's soft (path) tags. `get` already checks the soft tags against the store, at read time
    // rather than request start, so 0 ("never invalidated") leaves the decision there.
    async getExpiration() {
      return 0;
    },

    // revalidateTag/updateTag still land here (and in page.mjs). A stale-while-revalidate profile
    // is treated as immediate expiry: this cache never serves a stale entry.
    async updateTags(tags) {
      await store().invalidate(tags);
    },
  };
}

/**
 * Until when an entry may be served. In production an entry past `revalidate` is dropped rather
 * than served stale, as Next's in-memory handler does; the dev server keeps it until it expires.
 * Redis keeps an entry exactly that long.
 * @param {Omit<CacheEntry, "value">} entry
 */
function servedUntil(entry) {
  const maxAge = process.env.__NEXT_DEV_SERVER ? Math.max(entry.expire, DEV_MIN_RETENTION_SECONDS) : entry.revalidate;
  return entry.timestamp + maxAge * 1000;
}

/** @param {ReadableStream<Uint8Array>} stream */
async function bufferStream(stream) {
  const reader = stream.getReader();
  /** @type {Uint8Array[]} */
  const chunks = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    chunks.push(value);
  }
}

/** @param {Buffer} buffer */
function streamFromBuffer(buffer) {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(buffer);
      controller.close();
    },
  });
}

export default usesRedis()
  ? createDataCacheHandler({ entries: createRedisEntryStore({ namespace: "data" }) })
  : createDataCacheHandler();
