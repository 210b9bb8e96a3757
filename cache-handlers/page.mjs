// @ts-check
// The page cache (cacheHandler in next.config.ts): whole rendered pages, their 404s and anything
// else Next's incremental cache stores, kept in memory (in Redis when several instances share
// them: REDIS_URL) and checked against our tag store (tag-store.mjs). It replaces Next's
// FileSystemCache, which dates an entry when it is stored: a render that read the old data before
// a write and finished after the write's invalidation was kept as newer than it, and served for
// hours.
//
// Next constructs this class once per request (getIncrementalCache in next-server.js and
// route-module.js), before any render for that request begins. So the construction time is at or
// before every data read of the render, and an entry stored by this request is dated to it: a
// write invalidated after that moment makes the entry stale, even if the render ends later.

import { createMemoryEntryStore } from "./entry-store.mjs";
import { usesRedis } from "./redis-client.mjs";
import { createRedisEntryStore, MAX_ENTRY_TTL_MS } from "./redis-entry-store.mjs";
import { earliestStaleFillSharedSince } from "./stale-fills.mjs";
import { getTagStore, now } from "./tag-store.mjs";

/** @typedef {import("next/dist/server/lib/incremental-cache").CacheHandler} NextCacheHandler */
/** @typedef {import("next/dist/server/lib/incremental-cache").CacheHandlerValue} CacheHandlerValue */
/** @typedef {Parameters<NextCacheHandler["get"]>[1]} GetContext */
/** @typedef {Parameters<NextCacheHandler["set"]>[1]} CacheValue */
/** @typedef {Parameters<NextCacheHandler["set"]>[2]} SetContext */
/**
 * @typedef {object} PageEntry
 * @property {CacheValue} value
 * @property {number} readAt no data in the value was read before this; checked against the tags
 * @property {number} lastModified what Next sees, for time-based revalidation
 * @property {CacheHandlerValue["cacheControl"]} cacheControl
 * @property {string[]} tags
 */

export const MAX_SIZE = 50 * 1024 * 1024;

/** Next's header carrying a page's tags: its data tags and its implicit path tags. */
const TAGS_HEADER = "x-next-cache-tags";

/**
 * @param {{
 *   maxSize?: number,
 *   tagStore?: import("./tag-store.mjs").TagStore,
 *   entries?: import("./entry-store.mjs").EntryStore<PageEntry>,
 * }} [options] `maxSize` bounds the default in-process entries
 */
export function createPageCacheHandler({
  maxSize = MAX_SIZE,
  tagStore,
  entries = createMemoryEntryStore({ maxSize, sizeOf: (entry, key) => sizeOf(entry.value) + key.length }),
} = {}) {
  const store = () => tagStore ?? getTagStore();
  // Each value object `get` returned or `set` was given → its `readAt`, to recognise a value being
  // stored again. Per process, like the objects: a value read from Redis is a new object, so it
  // is noted when `get` hands it out.
  /** @type {WeakMap<object, number>} */
  const readAtByValue = new WeakMap();

  /** @implements {NextCacheHandler} */
  class PageCacheHandler {
    // Next passes a CacheHandlerContext: nothing in it concerns this cache, in memory or in Redis.
    constructor() {
      this.startedAt = now();
    }

    /**
     * @param {string} cacheKey
     * @param {GetContext} ctx
     * @returns {Promise<CacheHandlerValue | null>}
     */
    async get(cacheKey, ctx) {
      const entry = await entries.get(cacheKey);
      if (!entry) return null;
      // A fetch is also checked against its current tags and the soft (path) tags of the page
      // asking, as Next's FileSystemCache does. Soft tags alone do not condemn it for other pages.
      const ownTags = "tags" in ctx ? [...entry.tags, ...(ctx.tags ?? [])] : entry.tags;
      const softTags = "softTags" in ctx ? (ctx.softTags ?? []) : [];
      try {
        if (await store().invalidatedAfter([...ownTags, ...softTags], entry.readAt)) {
          const deadForAll = softTags.length === 0 || (await store().invalidatedAfter(ownTags, entry.readAt));
          if (deadForAll) void entries.delete(cacheKey, entry);
          return null;
        }
      } catch {
        // The tag store cannot be read (Redis unreachable): unproven fresh is a miss.
        return null;
      }
      if (entry.value) readAtByValue.set(entry.value, entry.readAt);
      return { value: entry.value, lastModified: entry.lastModified, cacheControl: entry.cacheControl };
    }

    /**
     * @param {string} cacheKey
     * @param {CacheValue} value
     * @param {SetContext} ctx
     */
    async set(cacheKey, value, ctx) {
      // Next re-stores the value a `get` returned when a re-render fails (retainPreviousCacheEntry
      // in response-cache/index.js). Its content is as old as it was, whatever Next's new timer.
      const retainedReadAt = value ? readAtByValue.get(value) : undefined;
      const readAt = retainedReadAt ?? this.contentTime(value);
      if (value) readAtByValue.set(value, readAt);
      const cacheControl = "fetchCache" in ctx && ctx.fetchCache ? undefined : ctx.cacheControl;
      const lastModified = retainedReadAt === undefined ? readAt : now();
      await entries.set(
        cacheKey,
        { value, readAt, lastModified, cacheControl, tags: tagsOf(value) },
        lifetimeMs(cacheControl),
      );
    }

    /**
     * The earliest moment the content of a value stored by this request may have been read.
     * @param {CacheValue} value
     */
    contentTime(value) {
      // Optimised images hold no tags; the image optimizer keeps one instance for the process.
      if (value && String(value.kind) === "IMAGE") return now();
      // A render may also have joined a 'use cache' fill another request began earlier.
      return Math.min(this.startedAt, earliestStaleFillSharedSince(this.startedAt));
    }

    /**
     * Next's revalidateTag/updateTag land here (and in data.mjs). A stale-while-revalidate profile
     * (the second argument) expires at once too: this cache never serves a stale entry.
     * @param {string | string[]} tags
     */
    async revalidateTag(tags) {
      await store().invalidate(typeof tags === "string" ? [tags] : tags);
    }

    resetRequestCache() {}
  }

  return PageCacheHandler;
}

/**
 * How long a shared store may keep a page: until Next would no longer serve it even stale (its
 * `expire`); the store's longest, a day, when it has none. Not its `revalidate`: past that, Next
 * serves the page once more while it renders the next one in the background.
 * @param {CacheHandlerValue["cacheControl"]} cacheControl
 */
function lifetimeMs(cacheControl) {
  const expire = cacheControl?.expire;
  return typeof expire === "number" ? expire * 1000 : MAX_ENTRY_TTL_MS;
}

/** @param {CacheValue} value */
function tagsOf(value) {
  if (!value) return [];
  const { headers, tags } = /** @type {{ headers?: Record<string, unknown>, tags?: unknown }} */ (value);
  const header = headers?.[TAGS_HEADER];
  const listed = typeof header === "string" ? [header] : Array.isArray(header) ? header.map(String) : [];
  const own = Array.isArray(tags) ? tags.map(String) : []; // a fetch's tags
  return [...listed.flatMap((list) => list.split(",")), ...own].map((tag) => tag.trim()).filter(Boolean);
}

/**
 * Roughly the bytes a value holds, whatever its kind.
 * @param {CacheValue} value
 */
function sizeOf(value) {
  if (!value) return 25;
  const fields = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (value));
  let size = 100;
  for (const name of ["html", "rscData", "postponed", "body", "buffer"]) {
    const field = fields[name];
    if (typeof field === "string" || field instanceof Uint8Array) size += field.length;
  }
  if (fields.segmentData instanceof Map) {
    for (const [path, data] of fields.segmentData) size += String(path).length + (data?.length ?? 0);
  }
  for (const name of ["headers", "pageData", "data", "props"]) {
    if (fields[name] !== undefined) size += JSON.stringify(fields[name])?.length ?? 0;
  }
  return size;
}

export default usesRedis()
  ? createPageCacheHandler({ entries: createRedisEntryStore({ namespace: "page" }) })
  : createPageCacheHandler();
