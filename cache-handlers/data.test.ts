import { createDefaultCacheHandler } from "next/dist/server/lib/cache-handlers/default";
import type { CacheEntry } from "next/dist/server/lib/cache-handlers/types";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createDataCacheHandler } from "./data.mjs";
import { createMemoryTagStore, now } from "./tag-store.mjs";

// Next calls the 'use cache' handler as in use-cache-wrapper.js: `get(key, softTags)` before
// computing, then `set(key, entry)` once the result is collected, the entry's `timestamp` being
// when the computation began.

function streamOf(text: string) {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });
}

function entry(text: string, { tags = [] as string[], timestamp = now(), revalidate = 3600, expire = 86400 } = {}) {
  return { value: streamOf(text), tags, stale: 300, timestamp, revalidate, expire } satisfies CacheEntry;
}

async function textOf(found: CacheEntry | undefined) {
  return found ? new Response(found.value).text() : undefined;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function setup(options: { maxSize?: number } = {}) {
  const tagStore = createMemoryTagStore();
  return { tagStore, handler: createDataCacheHandler({ ...options, tagStore }) };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("'use cache' handler: freshness", () => {
  it("misses an entry whose computation began before its tag was invalidated, though stored after", async () => {
    const { tagStore, handler } = setup();
    const startedAt = now(); // the read begins, sees the old rows
    await pause(2);
    await tagStore.invalidate(["subheading:1"]); // a member posts
    await pause(2);
    await handler.set("contributions", Promise.resolve(entry("old", { tags: ["subheading:1"], timestamp: startedAt })));

    expect(await handler.get("contributions", [])).toBeUndefined();
  });

  it("misses an entry when the page's soft tags were invalidated after it began", async () => {
    const { tagStore, handler } = setup();
    const startedAt = now();
    await pause(2);
    await tagStore.invalidate(["_N_T_/debates/x/page"]); // revalidatePath('/debates/x')
    await handler.set("page-data", Promise.resolve(entry("old", { timestamp: startedAt })));

    expect(await handler.get("page-data", ["_N_T_/layout", "_N_T_/debates/x/page"])).toBeUndefined();
    expect(await textOf(await handler.get("page-data", ["_N_T_/layout", "_N_T_/debates/y/page"]))).toBe("old");
  });

  it("hits an entry whose computation began after the invalidation", async () => {
    const { tagStore, handler } = setup();
    await tagStore.invalidate(["subheading:1"]);
    await pause(2);
    await handler.set("contributions", Promise.resolve(entry("new", { tags: ["subheading:1"] })));

    expect(await textOf(await handler.get("contributions", ["_N_T_/layout"]))).toBe("new");
    expect(await textOf(await handler.get("contributions", []))).toBe("new"); // a new stream each time
  });

  it("is missed after updateTags (Next's revalidateTag/updateTag) for one of its tags", async () => {
    const { handler } = setup();
    await handler.set("debate", Promise.resolve(entry("v1", { tags: ["debate:1", "debates"] })));
    await pause(2);
    await handler.updateTags(["debates"]);
    expect(await handler.get("debate", [])).toBeUndefined();
    expect(await handler.getExpiration(["_N_T_/layout"])).toBe(0);
  });

  it("drops an entry past its revalidate time and never stores an `expire: 0` one", async () => {
    const { handler } = setup();
    await handler.set("old", Promise.resolve(entry("v", { timestamp: now() - 2000, revalidate: 1 })));
    await handler.set("dynamic", Promise.resolve(entry("v", { revalidate: 0, expire: 0 })));
    expect(await handler.get("old", [])).toBeUndefined();
    expect(await handler.get("dynamic", [])).toBeUndefined();
  });

  it("is served by Next's default handler when invalidated within the same millisecond, after it began", async () => {
    // Next's handler rounds the invalidation time to the millisecond and compares with `>`, so a
    // read begun 0.2 ms before the write's invalidation passes for fresh. Ours keeps the fraction.
    const base = Math.ceil(now()) + 1000;
    const clockAt = (at: number) => vi.spyOn(performance, "now").mockReturnValue(at - performance.timeOrigin);
    const nexts = createDefaultCacheHandler(50e6);
    const { tagStore, handler: ours } = setup();
    const tag = `thread:${base}`;

    clockAt(base + 0.2);
    const startedAt = now();
    clockAt(base + 0.4);
    await nexts.updateTags([tag]);
    await tagStore.invalidate([tag]);
    clockAt(base + 3);
    for (const handler of [nexts, ours]) {
      await handler.set("thread", Promise.resolve(entry("old", { tags: [tag], timestamp: startedAt })));
    }

    expect(await textOf(await nexts.get("thread", []))).toBe("old");
    expect(await ours.get("thread", [])).toBeUndefined();
  });
});

describe("'use cache' handler: storage", () => {
  it("makes a read during a pending set wait for it rather than miss", async () => {
    const { handler } = setup();
    let finish = () => {};
    const value = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("hel"));
        finish = () => {
          controller.enqueue(new TextEncoder().encode("lo"));
          controller.close();
        };
      },
    });
    const setting = handler.set("slow", Promise.resolve({ ...entry(""), value }));
    let read: CacheEntry | undefined | "pending" = "pending";
    const reading = handler.get("slow", []).then((found) => (read = found));

    await pause(5);
    expect(read).toBe("pending");
    finish();
    await setting;
    await reading;
    expect(await textOf(read === "pending" ? undefined : read)).toBe("hello");
  });

  it("stores nothing when the value stream errors", async () => {
    const { handler } = setup();
    const value = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("partial"));
        controller.error(new Error("database went away"));
      },
    });
    await expect(handler.set("broken", Promise.resolve({ ...entry(""), value }))).resolves.toBeUndefined();
    expect(await handler.get("broken", [])).toBeUndefined();
  });

  it("holds at most its size, dropping the least recently used entries", async () => {
    const { handler } = setup({ maxSize: 1000 }); // each entry ≈ 300 bytes: three fit
    const kB = "x".repeat(295);
    for (const key of ["a", "b", "c"]) await handler.set(key, Promise.resolve(entry(kB)));
    await handler.get("a", []); // read again: now the most recent
    await handler.set("d", Promise.resolve(entry(kB)));
    await handler.set("e", Promise.resolve(entry(kB)));

    expect(await handler.get("b", [])).toBeUndefined();
    expect(await handler.get("c", [])).toBeUndefined();
    for (const key of ["a", "d", "e"]) expect(await textOf(await handler.get(key, []))).toBe(kB);
  });
});
