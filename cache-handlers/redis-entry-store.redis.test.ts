import { describe, expect, it } from "vitest";
import { createRedisEntryStore, MAX_ENTRY_TTL_MS } from "./redis-entry-store.mjs";
import { connect, testPrefix, unreachableClient } from "./test-servers";

const prefix = testPrefix();
const client = await connect();

type Entry = Record<string, unknown>;
const store = (options: { buildId?: string; maxEntryBytes?: number } = {}) =>
  createRedisEntryStore<Entry>({ namespace: "page", client, prefix, buildId: "build-1", ...options });

let keys = 0;
const freshKey = (name: string) => `/${name}-${++keys}`;

describe("entries in Redis", () => {
  it("brings a page back as Next stored it: Buffers, a Map of Buffers, undefined headers", async () => {
    const key = freshKey("page");
    const value = {
      kind: "APP_PAGE",
      html: "<p>héllo</p>",
      rscData: Buffer.from([0, 255, 1, 2]),
      headers: { "x-next-cache-tags": "debate:1,_N_T_/layout", "x-absent": undefined },
      postponed: undefined,
      status: 200,
      segmentData: new Map([
        ["/_tree", Buffer.from("tree")],
        ["/debates/$d$slug/__PAGE__", Buffer.from([9, 8, 7])],
      ]),
    };
    await store().set(key, { value, readAt: 1234.5678, tags: ["debate:1"] }, 60_000);

    const back = await store().get(key);
    expect(back).toEqual({ value, readAt: 1234.5678, tags: ["debate:1"] });
    const page = back?.value as typeof value;
    expect(Buffer.isBuffer(page.rscData)).toBe(true);
    expect(page.segmentData).toBeInstanceOf(Map);
    expect(Buffer.isBuffer(page.segmentData.get("/_tree"))).toBe(true);
    expect("x-absent" in page.headers).toBe(true);
  });

  it("keeps two builds' entries apart, and the two handlers' namespaces", async () => {
    const key = freshKey("shared-path");
    await store({ buildId: "build-1" }).set(key, { html: "old build" }, 60_000);
    expect(await store({ buildId: "build-2" }).get(key)).toBeUndefined();
    await store({ buildId: "build-2" }).set(key, { html: "new build" }, 60_000);
    expect(await store({ buildId: "build-1" }).get(key)).toEqual({ html: "old build" });
    expect(await store({ buildId: "build-2" }).get(key)).toEqual({ html: "new build" });
    const data = createRedisEntryStore<Entry>({ namespace: "data", client, prefix, buildId: "build-1" });
    expect(await data.get(key)).toBeUndefined();
    expect(await client.exists(`${prefix}cache:build-1:page:${key}`)).toBe(1);
  });

  it("gives each entry its lifetime in Redis, at most a day, and stores none without one", async () => {
    const [short, long, none] = [freshKey("short"), freshKey("long"), freshKey("none")];
    await store().set(short, { html: "x" }, 90_000);
    await store().set(long, { html: "x" }, 30 * 24 * 3600_000);
    await store().set(none, { html: "x" }, 0);

    const ttl = (key: string) => client.pTTL(`${prefix}cache:build-1:page:${key}`);
    expect(await ttl(short)).toBeGreaterThan(80_000);
    expect(await ttl(short)).toBeLessThanOrEqual(90_000);
    expect(await ttl(long)).toBeGreaterThan(MAX_ENTRY_TTL_MS - 60_000);
    expect(await ttl(long)).toBeLessThanOrEqual(MAX_ENTRY_TTL_MS);
    expect(await ttl(none)).toBe(-2); // no such key
  });

  it("skips an entry over the size cap", async () => {
    const capped = store({ maxEntryBytes: 10_000 });
    const [small, large] = [freshKey("small"), freshKey("large")];
    await capped.set(small, { html: "x".repeat(5_000) }, 60_000);
    await capped.set(large, { html: "x".repeat(20_000) }, 60_000);
    expect(await capped.get(small)).toBeDefined();
    expect(await capped.get(large)).toBeUndefined();
  });

  it("deletes an entry it returned only while the key still holds it, not one stored since", async () => {
    const key = freshKey("replaced");
    const reader = store();
    await reader.set(key, { html: "v1" }, 60_000);
    const v1 = await reader.get(key);
    await store().set(key, { html: "v2" }, 60_000); // another instance stores a newer page
    await reader.delete(key, v1);
    expect(await reader.get(key)).toEqual({ html: "v2" });

    const v2 = await reader.get(key);
    await reader.delete(key, v2);
    expect(await reader.get(key)).toBeUndefined();
  });

  it("misses, and keeps nothing, while Redis cannot be reached", async () => {
    const down = createRedisEntryStore<Entry>({ namespace: "page", client: await unreachableClient(), prefix });
    await expect(down.set("/x", { html: "x" }, 60_000)).resolves.toBeUndefined();
    await expect(down.get("/x")).resolves.toBeUndefined();
    await expect(down.delete("/x")).resolves.toBeUndefined();
  });
});
