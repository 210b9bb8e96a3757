import type { CacheEntry } from "next/dist/server/lib/cache-handlers/types";
import { describe, expect, it } from "vitest";
import { CLOCK_SKEW_MARGIN_MS, now } from "./clock.mjs";
import { createDataCacheHandler } from "./data.mjs";
import type { RedisClient } from "./redis-client.mjs";
import { createRedisEntryStore, MAX_ENTRY_TTL_MS } from "./redis-entry-store.mjs";
import { createRedisTagStore } from "./redis-tag-store.mjs";
import { connect, pause, relayTo, testPrefix } from "./test-servers";
import { earliestStaleFillSharedSince } from "./stale-fills.mjs";

// The 'use cache' handler of two app instances sharing one Redis, called as Next calls it
// (use-cache-wrapper.js): `get(key, softTags)`, then `set(key, entry)` with the computation's start.

const prefix = testPrefix();

/** One app instance: its own connection, handler and tag store, over the shared Redis. */
function instance(client: RedisClient) {
  const tagStore = createRedisTagStore({ client, prefix });
  return {
    tagStore,
    handler: createDataCacheHandler({
      tagStore,
      entries: createRedisEntryStore({ namespace: "data", client, prefix, buildId: "build-1" }),
    }),
  };
}

const a = instance(await connect());
const b = instance(await connect());
const redis = await connect();

function entry(text: string, { tags = [] as string[], timestamp = now(), revalidate = 3600, expire = 86400 } = {}) {
  const value = new Response(text).body!;
  return Promise.resolve({ value, tags, stale: 300, timestamp, revalidate, expire } satisfies CacheEntry);
}

async function textOf(found: CacheEntry | undefined) {
  return found ? new Response(found.value).text() : undefined;
}

let keys = 0;
function fresh(name: string) {
  keys += 1;
  return { key: `${name}-${keys}`, tag: `subheading:${name}-${keys}` };
}

/** Past the margin invalidations are stamped ahead by: what begins now is after them. */
const afterMargin = () => pause(CLOCK_SKEW_MARGIN_MS + 5);

describe("'use cache' handler on Redis: two instances", () => {
  it("serves on one instance what the other computed", async () => {
    const { key, tag } = fresh("shared");
    await a.handler.set(key, entry("contributions", { tags: [tag] }));
    expect(await textOf(await b.handler.get(key, ["_N_T_/layout"]))).toBe("contributions");
  });

  it("misses on instance A once instance B invalidated the entry's tag", async () => {
    const { key, tag } = fresh("invalidated");
    await a.handler.set(key, entry("before the post", { tags: [tag] }));
    expect(await textOf(await a.handler.get(key, []))).toBe("before the post");

    await b.tagStore.invalidate([tag]); // a member posts through instance B
    expect(await a.handler.get(key, [])).toBeUndefined();
    expect(await b.handler.get(key, [])).toBeUndefined();
  });

  it("misses after updateTags (Next's revalidateTag) on the other instance, and after a soft tag only for that page", async () => {
    const { key, tag } = fresh("soft");
    await a.handler.set(key, entry("v1", { tags: [tag] }));
    await b.tagStore.invalidate(["_N_T_/debates/x/page"]);
    expect(await a.handler.get(key, ["_N_T_/layout", "_N_T_/debates/x/page"])).toBeUndefined();
    expect(await textOf(await a.handler.get(key, ["_N_T_/layout", "_N_T_/debates/y/page"]))).toBe("v1");

    await b.handler.updateTags([tag]);
    expect(await a.handler.get(key, ["_N_T_/debates/y/page"])).toBeUndefined();
  });

  it("does not keep a computation whose tag another instance invalidated while it ran, and remembers the fill", async () => {
    const { key, tag } = fresh("overtaken");
    const startedAt = now(); // instance A's read begins, sees the old rows
    await pause(2);
    await b.tagStore.invalidate([tag]); // the write lands on instance B
    await a.handler.set(key, entry("old", { tags: [tag], timestamp: startedAt }));

    expect(await redis.exists(`${prefix}cache:build-1:data:${key}`)).toBe(0);
    expect(await a.handler.get(key, [])).toBeUndefined();
    expect(earliestStaleFillSharedSince(startedAt)).toBe(startedAt); // pages that shared it date back
  });

  it("keeps a computation begun after the invalidation", async () => {
    const { key, tag } = fresh("after");
    await b.tagStore.invalidate([tag]);
    await afterMargin();
    await a.handler.set(key, entry("new", { tags: [tag] }));
    expect(await textOf(await b.handler.get(key, []))).toBe("new");
  });

  it("lets Redis keep an entry as long as it may be served (its revalidate), a day at most", async () => {
    const short = fresh("ttl-short");
    const long = fresh("ttl-long");
    const dynamic = fresh("ttl-dynamic");
    await a.handler.set(short.key, entry("v", { revalidate: 600 }));
    await a.handler.set(long.key, entry("v", { revalidate: 30 * 86400, expire: 365 * 86400 }));
    await a.handler.set(dynamic.key, entry("v", { revalidate: 0, expire: 0 }));

    const ttl = (key: string) => redis.pTTL(`${prefix}cache:build-1:data:${key}`);
    expect(await ttl(short.key)).toBeGreaterThan(590_000);
    expect(await ttl(short.key)).toBeLessThanOrEqual(600_000);
    expect(await ttl(long.key)).toBeGreaterThan(MAX_ENTRY_TTL_MS - 60_000);
    expect(await ttl(dynamic.key)).toBe(-2); // never stored
  });
});

describe("'use cache' handler on Redis: Redis unreachable", () => {
  it("misses, keeps nothing and fails invalidations, while Redis is down", async () => {
    const { url, cut } = await relayTo();
    const { handler, tagStore } = instance(await connect(url));
    const { key, tag } = fresh("down");
    await handler.set(key, entry("cached", { tags: [tag] }));
    expect(await textOf(await handler.get(key, []))).toBe("cached");

    await cut(); // Redis stops
    expect(await handler.get(key, [])).toBeUndefined();
    const other = fresh("down-set");
    await expect(handler.set(other.key, entry("lost", { tags: [other.tag] }))).resolves.toBeUndefined();
    await expect(handler.updateTags([tag])).rejects.toThrow();
    await expect(tagStore.invalidate([tag])).rejects.toThrow();

    // Nothing was stored meanwhile; the entry from before is still there for when Redis is back.
    expect(await redis.exists(`${prefix}cache:build-1:data:${other.key}`)).toBe(0);
    expect(await textOf(await b.handler.get(key, []))).toBe("cached");
  });
});
