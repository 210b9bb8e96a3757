import { afterEach, describe, expect, it, vi } from "vitest";
import { invalidateTags as invalidateFromApp } from "@/server/cache/invalidate-tags";
import { createMemoryTagStore, getTagStore, now } from "./tag-store.mjs";

/** Freezes the cache clock at about `at` (ms since the epoch); returns the exact reading. */
function clockAt(at: number) {
  vi.spyOn(performance, "now").mockReturnValue(at - performance.timeOrigin);
  return now();
}

/** A whole millisecond comfortably ahead of the real clock, so fractions are exact. */
const base = Math.ceil(now()) + 1000;

afterEach(() => {
  vi.restoreAllMocks();
});

describe("tag store", () => {
  it("counts an entry read at the very instant of an invalidation as stale", async () => {
    const store = createMemoryTagStore();
    const instant = clockAt(base + 0.25);
    await store.invalidate(["debate:1"]);

    expect(await store.invalidatedAfter(["debate:1"], instant)).toBe(true);
    expect(await store.invalidatedAfter(["debate:1"], base + 0.5)).toBe(false);
  });

  it("keeps sub-millisecond times, and the later of two invalidations in one millisecond", async () => {
    const store = createMemoryTagStore();
    clockAt(base + 0.2);
    await store.invalidate(["thread:7"]);
    clockAt(base + 0.7);
    await store.invalidate(["thread:7"]);

    // Read at .5, between the two: the second invalidation makes it stale. Rounding either time
    // to the millisecond, or keeping the first, would call it fresh.
    expect(await store.invalidatedAfter(["thread:7"], base + 0.5)).toBe(true);
    expect(await store.invalidatedAfter(["thread:7"], base + 0.8)).toBe(false);
  });

  it("only the invalidated tags make an entry stale", async () => {
    const store = createMemoryTagStore();
    clockAt(base);
    await store.invalidate(["subheading:a"]);

    expect(await store.invalidatedAfter(["subheading:b", "debates"], base - 10)).toBe(false);
    expect(await store.invalidatedAfter(["subheading:b", "subheading:a"], base - 10)).toBe(true);
    expect(await store.invalidatedAfter([], base - 10)).toBe(false);
  });

  it("after forgetting a tag, treats everything read up to its invalidation as stale", async () => {
    const store = createMemoryTagStore({ maxTags: 2 });
    const aInvalidatedAt = clockAt(base + 1);
    await store.invalidate(["a"]);
    clockAt(base + 2);
    await store.invalidate(["b"]);
    clockAt(base + 3);
    await store.invalidate(["c"]); // "a" is forgotten: the floor rises to base + 1

    // An entry tagged "a" read before its invalidation is still recognised as stale, and so is
    // any other entry that old: the store can no longer tell which tags changed back then.
    expect(await store.invalidatedAfter(["a"], base + 0.5)).toBe(true);
    expect(await store.invalidatedAfter(["never-invalidated"], aInvalidatedAt)).toBe(true);
    // Newer entries are judged by their own tags, as before.
    expect(await store.invalidatedAfter(["never-invalidated"], base + 1.5)).toBe(false);
    expect(await store.invalidatedAfter(["b"], base + 1.5)).toBe(true);
    expect(await store.invalidatedAfter(["c"], base + 2.5)).toBe(true);
    expect(await store.invalidatedAfter(["b", "c"], base + 3.5)).toBe(false);
  });

  it("forgets the tag invalidated longest ago, not the one first seen", async () => {
    const store = createMemoryTagStore({ maxTags: 2 });
    clockAt(base + 1);
    await store.invalidate(["a"]);
    clockAt(base + 2);
    await store.invalidate(["b"]);
    clockAt(base + 3);
    await store.invalidate(["a"]); // "a" is now the most recent
    clockAt(base + 4);
    await store.invalidate(["c"]); // so "b" goes, and the floor rises only to base + 2

    expect(await store.invalidatedAfter(["unrelated"], base + 2.5)).toBe(false);
    expect(await store.invalidatedAfter(["a"], base + 2.5)).toBe(true);
  });

  it("is one store per process: the app's writes reach the copy the handlers import", async () => {
    const before = now();
    await invalidateFromApp(["debate:shared"]);
    expect(await getTagStore().invalidatedAfter(["debate:shared"], before)).toBe(true);

    // Turbopack's bundle and Next's import() of the handlers each evaluate the module separately.
    vi.resetModules();
    const secondCopy = await import("./tag-store.mjs");
    expect(secondCopy.getTagStore()).toBe(getTagStore());
  });
});
