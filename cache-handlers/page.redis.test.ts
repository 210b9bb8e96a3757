import { describe, expect, it } from "vitest";
import { CLOCK_SKEW_MARGIN_MS } from "./clock.mjs";
import type PageCacheHandler from "./page.mjs";
import { createPageCacheHandler } from "./page.mjs";
import type { RedisClient } from "./redis-client.mjs";
import { createRedisEntryStore, MAX_ENTRY_TTL_MS } from "./redis-entry-store.mjs";
import { createRedisTagStore } from "./redis-tag-store.mjs";
import { connect, pause, relayTo, testPrefix } from "./test-servers";

// The page cache of two app instances sharing one Redis, called as Next calls it
// (response-cache/index.js): one handler per request, `get` first, then `set` with what it rendered.

type Handler = InstanceType<typeof PageCacheHandler>;
type Value = Parameters<Handler["set"]>[1];
type GetContext = Parameters<Handler["get"]>[1];
type SetContext = Parameters<Handler["set"]>[2];

const pageGet = { kind: "APP_PAGE", isFallback: false, isRoutePPREnabled: true } as unknown as GetContext;
const pageSet: SetContext = {
  cacheControl: { revalidate: 3600, expire: 7200 },
  isFallback: false,
  isRoutePPREnabled: true,
};

const prefix = testPrefix();

/** One app instance: its own connection, its page handler class and its tag store. */
function instance(client: RedisClient) {
  const tagStore = createRedisTagStore({ client, prefix });
  return {
    tagStore,
    Handler: createPageCacheHandler({
      tagStore,
      entries: createRedisEntryStore({ namespace: "page", client, prefix, buildId: "build-1" }),
    }),
  };
}

const a = instance(await connect());
const b = instance(await connect());
const redis = await connect();
const redisKey = (key: string) => `${prefix}cache:build-1:page:${key}`;

function appPage(html: string, tags: string[]): Value {
  return {
    kind: "APP_PAGE",
    html,
    rscData: Buffer.from(`rsc of ${html}`),
    headers: { "x-next-cache-tags": [...tags, "_N_T_/layout"].join(",") },
    postponed: undefined,
    status: 200,
    segmentData: new Map([["/_tree", Buffer.from("tree")]]),
  } as unknown as Value;
}

function htmlOf(entry: { value: unknown } | null) {
  return (entry?.value as { html?: string } | null | undefined)?.html;
}

let keys = 0;
function fresh(name: string) {
  keys += 1;
  return { key: `/debates/${name}-${keys}`, tag: `debate:${name}-${keys}` };
}

/** Past the margin invalidations are stamped ahead by: a request beginning now is after them. */
const afterMargin = () => pause(CLOCK_SKEW_MARGIN_MS + 5);

describe("page cache on Redis: two instances", () => {
  it("serves on instance B the page instance A rendered, as Next stored it", async () => {
    const { key, tag } = fresh("shared");
    await new a.Handler().set(key, appPage("<p>hello</p>", [tag]), pageSet);

    const hit = await new b.Handler().get(key, pageGet);
    expect(htmlOf(hit)).toBe("<p>hello</p>");
    expect(hit?.cacheControl).toEqual({ revalidate: 3600, expire: 7200 });
    expect(hit?.value).toMatchObject({ status: 200, rscData: Buffer.from("rsc of <p>hello</p>") });
    const { segmentData } = hit?.value as unknown as { segmentData: Map<string, Buffer> };
    expect(segmentData.get("/_tree")).toEqual(Buffer.from("tree"));
  });

  it("is stale everywhere when a write on B came after A's request began, however late A stores it", async () => {
    const { key, tag } = fresh("race");
    const request1 = new a.Handler();
    expect(await request1.get(key, pageGet)).toBeNull(); // A renders, reading the old data
    await pause(2);
    await b.tagStore.invalidate([tag]); // meanwhile a member posts through B
    await request1.set(key, appPage("<p>before the post</p>", [tag]), pageSet);

    expect(await new a.Handler().get(key, pageGet)).toBeNull();
    expect(await new b.Handler().get(key, pageGet)).toBeNull();
  });

  it("serves a page whose request began after the other instance's write", async () => {
    const { key, tag } = fresh("after");
    await b.tagStore.invalidate([tag]);
    await afterMargin();
    await new a.Handler().set(key, appPage("<p>with the post</p>", [tag]), pageSet);
    expect(htmlOf(await new b.Handler().get(key, pageGet))).toBe("<p>with the post</p>");
  });

  it("lets Redis keep a page until Next's expire, a day at most", async () => {
    const short = fresh("ttl");
    const forever = fresh("ttl-none");
    await new a.Handler().set(short.key, appPage("<p>x</p>", []), pageSet);
    await new a.Handler().set(forever.key, appPage("<p>x</p>", []), {
      cacheControl: { revalidate: false, expire: undefined },
    } as SetContext);
    expect(await redis.pTTL(redisKey(short.key))).toBeGreaterThan(7_100_000);
    expect(await redis.pTTL(redisKey(short.key))).toBeLessThanOrEqual(7_200_000);
    expect(await redis.pTTL(redisKey(forever.key))).toBeGreaterThan(MAX_ENTRY_TTL_MS - 60_000);
    expect(await redis.pTTL(redisKey(forever.key))).toBeLessThanOrEqual(MAX_ENTRY_TTL_MS);
  });
});

describe("page cache on Redis: a failed re-render keeps the previous page (retainPreviousCacheEntry)", () => {
  it("stays stale when the page read back from Redis is stored again after an invalidation", async () => {
    const { key, tag } = fresh("retain");
    await new b.Handler().set(key, appPage("<p>before the post</p>", [tag]), pageSet);
    const previous = await new a.Handler().get(key, pageGet); // deserialised: a new object on A
    expect(previous).not.toBeNull();

    await pause(2);
    await b.tagStore.invalidate([tag]);
    await afterMargin();
    // A's re-render failed; Next stores the very value it got back, with a short lifetime. From a
    // request that began after the invalidation, the old content must still not pass as new.
    await new a.Handler().set(key, previous!.value, { cacheControl: { revalidate: 3, expire: 86400 } } as SetContext);

    expect(await new a.Handler().get(key, pageGet)).toBeNull();
    expect(await new b.Handler().get(key, pageGet)).toBeNull();
  });

  it("is served again, with Next's short retry lifetime, when nothing invalidated it", async () => {
    const { key, tag } = fresh("retain-ok");
    await new b.Handler().set(key, appPage("<p>current</p>", [tag]), pageSet);
    const previous = await new a.Handler().get(key, pageGet);
    await new a.Handler().set(key, previous!.value, {
      cacheControl: { revalidate: 3, expire: undefined },
    } as SetContext);

    const hit = await new b.Handler().get(key, pageGet);
    expect(htmlOf(hit)).toBe("<p>current</p>");
    expect(hit?.cacheControl).toEqual({ revalidate: 3, expire: undefined });
    expect(hit!.lastModified).toBeGreaterThan(previous!.lastModified);
  });
});

describe("page cache on Redis: Redis unreachable", () => {
  it("misses, keeps nothing and fails Next's revalidateTag, while Redis is down", async () => {
    const { url, cut } = await relayTo();
    const down = instance(await connect(url));
    const { key, tag } = fresh("down");
    await new down.Handler().set(key, appPage("<p>cached</p>", [tag]), pageSet);
    expect(htmlOf(await new down.Handler().get(key, pageGet))).toBe("<p>cached</p>");

    await cut(); // Redis stops
    expect(await new down.Handler().get(key, pageGet)).toBeNull();
    const other = fresh("down-set");
    await expect(new down.Handler().set(other.key, appPage("<p>lost</p>", []), pageSet)).resolves.toBeUndefined();
    await expect(new down.Handler().revalidateTag(tag)).rejects.toThrow();
    expect(await redis.exists(redisKey(other.key))).toBe(0);
  });
});
