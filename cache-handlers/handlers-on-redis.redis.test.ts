import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CacheEntry } from "next/dist/server/lib/cache-handlers/types";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type PageCacheHandler from "./page.mjs";
import { connect, relayTo, testPrefix } from "./test-servers";

// The handlers as Next loads them (the default exports, next.config.ts) with REDIS_URL set: they
// and the app's invalidateTags go through the process's shared client (redis-client.mjs).

type Handler = InstanceType<typeof PageCacheHandler>;
type Value = Parameters<Handler["set"]>[1];
type GetContext = Parameters<Handler["get"]>[1];

const pageGet = { kind: "APP_PAGE", isFallback: false, isRoutePPREnabled: true } as unknown as GetContext;
const pageSet = { cacheControl: { revalidate: 3600, expire: 86400 }, isFallback: false, isRoutePPREnabled: true };
const page = (html: string, tag: string) =>
  ({
    kind: "APP_PAGE",
    html,
    rscData: Buffer.from(html),
    headers: { "x-next-cache-tags": tag },
    status: 200,
  }) as unknown as Value;

const prefix = testPrefix();
const redis = await connect();
const relay = await relayTo();
const distDir = mkdtempSync(path.join(tmpdir(), "dc-dist-"));
writeFileSync(path.join(distDir, "BUILD_ID"), "build-under-test\n");

/** The modules as a fresh process would load them, with this environment. */
async function load(env: Record<string, string>) {
  for (const [name, value] of Object.entries({
    REDIS_URL: relay.url,
    REDIS_PREFIX: prefix,
    NEXT_DIST_DIR: distDir,
    ...env,
  })) {
    vi.stubEnv(name, value);
  }
  vi.resetModules();
  const registry = globalThis as Record<symbol, unknown>;
  delete registry[Symbol.for("debate-commons.tag-store")];
  return {
    client: await import("./redis-client.mjs"),
    PageHandler: (await import("./page.mjs")).default,
    data: (await import("./data.mjs")).default,
    invalidateTags: (await import("@/server/cache/invalidate-tags")).invalidateTags,
  };
}

beforeEach(async () => {
  await (await import("./redis-client.mjs")).closeRedis();
  vi.unstubAllEnvs();
});
afterAll(async () => {
  // Test files may share a worker process: leave no REDIS_URL, client or Redis tag store behind.
  vi.unstubAllEnvs();
  rmSync(distDir, { recursive: true, force: true });
  await (await import("./redis-client.mjs")).closeRedis();
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("debate-commons.tag-store")];
});

describe("the cache handlers with REDIS_URL", () => {
  it("store pages and data in Redis under the build's id, and the app's writes invalidate there", async () => {
    const { PageHandler, data, invalidateTags } = await load({ NEXT_PHASE: "phase-production-server" });
    await new PageHandler().set("/debates/one", page("<p>one</p>", "debate:one"), pageSet);
    expect(await redis.exists(`${prefix}cache:build-under-test:page:/debates/one`)).toBe(1);
    const value = new Response("rows").body!;
    const entry = {
      value,
      tags: ["debate:one"],
      stale: 300,
      timestamp: performance.timeOrigin + performance.now(),
      revalidate: 900,
      expire: 86400,
    };
    await data.set("reads-one", Promise.resolve(entry satisfies CacheEntry));
    expect(await redis.exists(`${prefix}cache:build-under-test:data:reads-one`)).toBe(1);

    await invalidateTags(["debate:one"]); // a write through this instance's action guard
    expect(await redis.exists(`${prefix}tag:debate:one`)).toBe(1);
    expect(await new PageHandler().get("/debates/one", pageGet)).toBeNull();
    expect(await data.get("reads-one", [])).toBeUndefined();
  });

  it("miss, and make writes fail, once Redis stops", async () => {
    const { PageHandler, invalidateTags } = await load({ NEXT_PHASE: "phase-production-server" });
    await new PageHandler().set("/debates/two", page("<p>two</p>", "debate:two"), pageSet);
    expect(await new PageHandler().get("/debates/two", pageGet)).not.toBeNull();

    await relay.cut();
    expect(await new PageHandler().get("/debates/two", pageGet)).toBeNull();
    await expect(invalidateTags(["debate:two"])).rejects.toThrow();
  });

  it("stay in the process during `next build`, which must not need Redis", async () => {
    const { client, PageHandler, invalidateTags } = await load({ NEXT_PHASE: "phase-production-build" });
    await new PageHandler().set("/debates/three", page("<p>three</p>", "debate:three"), pageSet);
    expect(await new PageHandler().get("/debates/three", pageGet)).not.toBeNull();
    await invalidateTags(["debate:three"]);
    expect(await new PageHandler().get("/debates/three", pageGet)).toBeNull();

    expect(await client.getRedis()).toBeNull();
    expect(await redis.keys(`${prefix}*three*`)).toEqual([]);
  });
});
