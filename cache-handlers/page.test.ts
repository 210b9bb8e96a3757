import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import FileSystemCache from "next/dist/server/lib/incremental-cache/file-system-cache";
import { nodeFs } from "next/dist/server/lib/node-fs-methods";
import { describe, expect, it, onTestFinished } from "vitest";
import { invalidateTags } from "@/server/cache/invalidate-tags";
import dataCacheHandler from "./data.mjs";
import PageCacheHandler, { createPageCacheHandler } from "./page.mjs";
import { createMemoryTagStore, now } from "./tag-store.mjs";

// Next calls the page cache as in response-cache/index.js: one handler per request, `get` first,
// then `set` with what the request rendered. The values have the shapes Next stores.

type Handler = InstanceType<typeof PageCacheHandler>;
type Value = Parameters<Handler["set"]>[1];
type GetContext = Parameters<Handler["get"]>[1];
type SetContext = Parameters<Handler["set"]>[2];

const pageGet = { kind: "APP_PAGE", isFallback: false, isRoutePPREnabled: true } as unknown as GetContext;
const pageSet: SetContext = {
  cacheControl: { revalidate: 3600, expire: 86400 },
  isFallback: false,
  isRoutePPREnabled: true,
};

/** A rendered page as Next stores it, carrying its data and path tags in the tags header. */
function appPage(html: string, tags: string[], status = 200): Value {
  return {
    kind: "APP_PAGE",
    html,
    rscData: Buffer.from(`rsc of ${html}`),
    headers: { "x-next-cache-tags": [...tags, "_N_T_/layout"].join(",") },
    postponed: undefined,
    status,
    segmentData: new Map([["/_tree", Buffer.from("tree")]]),
  } as unknown as Value;
}

function htmlOf(entry: { value: unknown } | null) {
  return (entry?.value as { html?: string } | null | undefined)?.html;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Next's default page cache as `next start` configures it here: memory only (isrFlushToDisk: false). */
function nextCacheOptions() {
  const serverDistDir = mkdtempSync(path.join(tmpdir(), "next-fs-cache-"));
  onTestFinished(() => rmSync(serverDistDir, { recursive: true, force: true }));
  return {
    fs: nodeFs,
    serverDistDir,
    flushToDisk: false,
    maxMemoryCacheSize: 50e6,
    revalidatedTags: [],
    _requestHeaders: {},
  };
}

let keys = 0;
/** A fresh key and tag per test: the handler's LRU and the tag store live for the whole file. */
function fresh(name: string) {
  keys += 1;
  return { key: `/debates/${name}-${keys}`, tag: `debate:${name}-${keys}` };
}

describe("page cache: a render overtaken by a write", () => {
  it("is stale when the write's invalidation came after its request began, however late it is stored", async () => {
    const { key, tag } = fresh("race");
    const request1 = new PageCacheHandler();
    expect(await request1.get(key, pageGet)).toBeNull(); // miss: request 1 renders, reading the old data
    await pause(2);
    await invalidateTags([tag]); // meanwhile a member posts
    await pause(2);
    await request1.set(key, appPage("<p>before the post</p>", [tag]), pageSet); // the render ends

    const request2 = new PageCacheHandler();
    expect(await request2.get(key, pageGet)).toBeNull(); // re-rendered: the post will show
  });

  it("is served as fresh by Next's FileSystemCache, which dates it by when it was stored", async () => {
    const { key, tag } = fresh("next-race");
    const options = nextCacheOptions();

    const request1 = new FileSystemCache(options);
    expect(await request1.get(key, pageGet)).toBeNull();
    await pause(2);
    // updateTag's effect on the page cache, at the same moment as ours above: Next's tags manifest.
    await request1.revalidateTag([tag]);
    await pause(2);
    await request1.set(key, appPage("<p>before the post</p>", [tag]), pageSet);

    const request2 = new FileSystemCache(options);
    expect(htmlOf(await request2.get(key, pageGet))).toBe("<p>before the post</p>"); // the lost post
  });
});

describe("page cache: everything else Next stores", () => {
  it("serves a page whose request began after the invalidation (no needless miss)", async () => {
    const { key, tag } = fresh("after");
    await invalidateTags([tag]);
    await pause(2);
    const request1 = new PageCacheHandler();
    expect(await request1.get(key, pageGet)).toBeNull();
    await request1.set(key, appPage("<p>with the post</p>", [tag]), pageSet);

    const request2 = new PageCacheHandler();
    const hit = await request2.get(key, pageGet);
    expect(htmlOf(hit)).toBe("<p>with the post</p>");
    expect(hit?.cacheControl).toEqual({ revalidate: 3600, expire: 86400 });
    expect(hit?.value).toMatchObject({ status: 200, rscData: Buffer.from("rsc of <p>with the post</p>") });
  });

  it("leaves pages of other tags alone", async () => {
    const first = fresh("one");
    const second = fresh("two");
    const request1 = new PageCacheHandler();
    await request1.set(first.key, appPage("<p>one</p>", [first.tag, "debates"]), pageSet);
    await request1.set(second.key, appPage("<p>two</p>", [second.tag]), pageSet);
    await pause(2);
    await invalidateTags([first.tag]);

    const request2 = new PageCacheHandler();
    expect(await request2.get(first.key, pageGet)).toBeNull();
    expect(htmlOf(await request2.get(second.key, pageGet))).toBe("<p>two</p>");
  });

  it("keeps 404 pages, which expire with the tag of the list they were looked up in", async () => {
    const { key } = fresh("missing");
    const listTag = `debates-${key}`;
    const request1 = new PageCacheHandler();
    await request1.set(key, appPage("<h1>Debate not found</h1>", [listTag], 404), pageSet);

    const request2 = new PageCacheHandler();
    const hit = await request2.get(key, pageGet);
    expect(hit?.value).toMatchObject({ kind: "APP_PAGE", status: 404, html: "<h1>Debate not found</h1>" });

    await pause(2);
    await invalidateTags([listTag]); // a debate with that slug is created
    expect(await new PageCacheHandler().get(key, pageGet)).toBeNull();
  });

  it("round-trips route responses, fetches, redirects and notFound markers", async () => {
    const { tag } = fresh("kinds");
    const request1 = new PageCacheHandler();
    const route = {
      kind: "APP_ROUTE",
      body: Buffer.from('{"ok":true}'),
      status: 200,
      headers: { "content-type": "application/json", "x-next-cache-tags": tag },
    } as unknown as Value;
    const fetched = {
      kind: "FETCH",
      data: { headers: {}, body: "e30=", url: "https://example.org/" },
      tags: [tag],
      revalidate: 60,
    } as unknown as Value;
    const redirect = { kind: "REDIRECT", props: { destination: "/" } } as unknown as Value;
    await request1.set("/api/health", route, { cacheControl: { revalidate: false, expire: undefined } });
    await request1.set("fetch-key", fetched, { fetchCache: true, tags: [tag] });
    await request1.set("/old", redirect, {});
    await request1.set("/gone", null, {});

    const request2 = new PageCacheHandler();
    const routeGet = { kind: "APP_ROUTE", isFallback: false } as unknown as GetContext;
    const fetchGet = { kind: "FETCH", tags: [tag], softTags: [] } as unknown as GetContext;
    expect((await request2.get("/api/health", routeGet))?.value).toBe(route);
    expect((await request2.get("fetch-key", fetchGet))?.value).toBe(fetched);
    expect((await request2.get("/old", pageGet))?.value).toBe(redirect);
    expect(await request2.get("/gone", pageGet)).toMatchObject({ value: null });

    await pause(2);
    await invalidateTags([tag]);
    const request3 = new PageCacheHandler();
    expect(await request3.get("/api/health", routeGet)).toBeNull();
    expect(await request3.get("fetch-key", fetchGet)).toBeNull();
    expect((await request3.get("/old", pageGet))?.value).toBe(redirect); // untagged
  });

  it("forwards Next's revalidateTag (updateTag's path) to the tag store", async () => {
    const { key, tag } = fresh("forward");
    const request1 = new PageCacheHandler();
    await request1.set(key, appPage("<p>old</p>", [tag]), pageSet);
    await pause(2);
    await new PageCacheHandler().revalidateTag(tag);
    expect(await new PageCacheHandler().get(key, pageGet)).toBeNull();
  });

  it("holds at most its size in pages, dropping the least recently used", async () => {
    const Handler = createPageCacheHandler({ maxSize: 10_000, tagStore: createMemoryTagStore() });
    const request = new Handler();
    // About 2.6 kB each (html + rsc): three fit.
    const page = (n: number) => appPage(`<p>${n}</p>${"x".repeat(1200)}`, []);
    await request.set("/1", page(1), pageSet);
    await request.set("/2", page(2), pageSet);
    await request.set("/3", page(3), pageSet);
    await request.get("/1", pageGet); // read again: now the most recent
    await request.set("/4", page(4), pageSet);

    expect(await request.get("/2", pageGet)).toBeNull();
    for (const kept of ["/1", "/3", "/4"]) expect(await request.get(kept, pageGet)).not.toBeNull();
  });
});

describe("page cache: a failed re-render keeps the previous page (retainPreviousCacheEntry)", () => {
  it("stays stale when the old page is stored again after an invalidation", async () => {
    const { key, tag } = fresh("retain");
    await new PageCacheHandler().set(key, appPage("<p>before the post</p>", [tag]), pageSet);
    const reader = new PageCacheHandler();
    const previous = await reader.get(key, pageGet);
    expect(previous).not.toBeNull();

    await pause(2);
    await invalidateTags([tag]);
    await pause(2);
    // The re-render failed; Next stores the very value it got back, with a short lifetime. Even
    // from a request that began after the invalidation, the old content must not pass as new.
    const retainer = new PageCacheHandler();
    await retainer.set(key, previous!.value, { cacheControl: { revalidate: 3, expire: 86400 } });

    expect(await new PageCacheHandler().get(key, pageGet)).toBeNull();
  });

  it("is served again, with Next's short retry lifetime, when nothing invalidated it", async () => {
    const { key, tag } = fresh("retain-ok");
    await new PageCacheHandler().set(key, appPage("<p>current</p>", [tag]), pageSet);
    const previous = await new PageCacheHandler().get(key, pageGet);
    await new PageCacheHandler().set(key, previous!.value, {
      cacheControl: { revalidate: 3, expire: undefined },
    });

    const hit = await new PageCacheHandler().get(key, pageGet);
    expect(htmlOf(hit)).toBe("<p>current</p>");
    expect(hit?.cacheControl).toEqual({ revalidate: 3, expire: undefined });
  });

  it("is served as fresh by Next's FileSystemCache", async () => {
    const { key, tag } = fresh("next-retain");
    const options = nextCacheOptions();
    await new FileSystemCache(options).set(key, appPage("<p>before the post</p>", [tag]), pageSet);
    const reader = new FileSystemCache(options);
    const previous = await reader.get(key, pageGet);
    await pause(2);
    await reader.revalidateTag([tag]);
    await pause(2);
    await reader.set(key, previous!.value, { cacheControl: { revalidate: 3, expire: 86400 } });

    expect(htmlOf(await new FileSystemCache(options).get(key, pageGet))).toBe("<p>before the post</p>");
  });
});

describe("page cache: a render that shared another request's 'use cache' fill", () => {
  // Next lets concurrent requests share one pending 'use cache' computation without asking the
  // handler (use-cache-wrapper.js, crossRequestPendingCacheInvocations). A request that began
  // after a write can so receive data read before it.
  function fillOf(text: string, tag: string, timestamp: number) {
    const value = new Response(text).body!;
    return Promise.resolve({ value, tags: [tag], stale: 300, timestamp, revalidate: 3600, expire: 86400 });
  }

  it("is stale when that fill began before the invalidation", async () => {
    const { key, tag } = fresh("joined");
    const fillStartedAt = now(); // request 1's read begins and sees the old rows
    await pause(2);
    await invalidateTags([tag]); // a member posts
    await pause(2);
    const request2 = new PageCacheHandler(); // begins after the write, joins the fill
    await dataCacheHandler.set(`fill:${key}`, fillOf("old", tag, fillStartedAt)); // the fill ends
    await request2.set(key, appPage("<p>before the post</p>", [tag]), pageSet);

    expect(await new PageCacheHandler().get(key, pageGet)).toBeNull();
  });

  it("does not affect pages whose request began after that fill ended", async () => {
    const { key, tag } = fresh("after-fill");
    const fillStartedAt = now();
    await pause(2);
    await invalidateTags([tag]);
    await dataCacheHandler.set(`fill:${key}`, fillOf("old", tag, fillStartedAt));
    await new Promise((resolve) => setImmediate(resolve));
    await pause(2);

    const request = new PageCacheHandler();
    await request.set(key, appPage("<p>with the post</p>", [tag]), pageSet);
    expect(htmlOf(await new PageCacheHandler().get(key, pageGet))).toBe("<p>with the post</p>");
  });
});
