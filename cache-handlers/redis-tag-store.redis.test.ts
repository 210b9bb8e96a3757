import { afterEach, describe, expect, it, vi } from "vitest";
import { CLOCK_SKEW_MARGIN_MS, now } from "./clock.mjs";
import { connect, pause, testPrefix, unreachableClient } from "./test-servers";
import { createRedisTagStore, TAG_TTL_MS } from "./redis-tag-store.mjs";

// Two app instances, each with its own connection, sharing one Redis.
const prefix = testPrefix();
const instanceA = createRedisTagStore({ client: await connect(), prefix });
const instanceB = createRedisTagStore({ client: await connect(), prefix });

let tags = 0;
const freshTag = (name: string) => `${name}:${++tags}`;

/** Freezes the cache clock at about `at` (ms since the epoch); returns the exact reading. */
function clockAt(at: number) {
  vi.spyOn(performance, "now").mockReturnValue(at - performance.timeOrigin);
  return now();
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the Redis tag store (several instances)", () => {
  it("makes an entry read on one instance stale as soon as another instance's invalidation returns", async () => {
    const tag = freshTag("subheading");
    const readAt = now(); // instance A reads the old rows
    expect(await instanceA.invalidatedAfter([tag], readAt)).toBe(false);
    await instanceB.invalidate([tag]); // a member posts through instance B

    expect(await instanceA.invalidatedAfter([tag], readAt)).toBe(true);
    expect(await instanceA.invalidatedAfter([freshTag("other"), tag], readAt)).toBe(true);
    expect(await instanceA.invalidatedAfter([freshTag("other")], readAt)).toBe(false);
    expect(await instanceA.invalidatedAfter([], readAt)).toBe(false);
    // Read once the margin for clock differences has passed: fresh.
    await pause(CLOCK_SKEW_MARGIN_MS + 5);
    expect(await instanceA.invalidatedAfter([tag], now())).toBe(false);
  });

  it("stamps invalidations ahead, so a reader whose clock runs a little ahead still sees its read as stale", async () => {
    const tag = freshTag("thread");
    const base = Math.ceil(now()) + 1000;
    clockAt(base);
    await instanceB.invalidate([tag]);
    // Instance A's clock runs 30 ms ahead of B's: a read it made just before B's write is dated
    // base + 29 by its clock.
    expect(await instanceA.invalidatedAfter([tag], base + 29)).toBe(true);
    expect(await instanceA.invalidatedAfter([tag], base + CLOCK_SKEW_MARGIN_MS)).toBe(true); // a tie is stale
    expect(await instanceA.invalidatedAfter([tag], base + CLOCK_SKEW_MARGIN_MS + 0.001)).toBe(false);
  });

  it("keeps the later of two invalidations, to the fraction of a millisecond, whichever arrives last", async () => {
    const tag = freshTag("debate");
    const base = Math.ceil(now()) + 1000;
    const later = clockAt(base + 0.76) + CLOCK_SKEW_MARGIN_MS;
    await instanceA.invalidate([tag]);
    clockAt(base + 0.23); // B's clock is half a millisecond behind: its stamp arrives later but is earlier
    await instanceB.invalidate([tag]);

    expect(await instanceA.invalidatedAfter([tag], later)).toBe(true);
    expect(await instanceA.invalidatedAfter([tag], later + 0.0005)).toBe(false);
  });

  it("gives each tag record a lifetime longer than any entry's (two days), renewed by each invalidation", async () => {
    const client = await connect();
    const tag = freshTag("debates");
    await instanceA.invalidate([tag]);
    const ttl = await client.pTTL(`${prefix}tag:${tag}`);
    expect(ttl).toBeGreaterThan(TAG_TTL_MS - 60_000);
    expect(ttl).toBeLessThanOrEqual(TAG_TTL_MS);
    expect(TAG_TTL_MS).toBe(2 * 24 * 3600_000);

    await client.pExpire(`${prefix}tag:${tag}`, 1000);
    await instanceB.invalidate([tag]);
    expect(await client.pTTL(`${prefix}tag:${tag}`)).toBeGreaterThan(TAG_TTL_MS - 60_000);
  });

  it("fails an invalidation that cannot reach Redis, and a check that cannot read it", async () => {
    const down = createRedisTagStore({ client: await unreachableClient(), prefix });
    await expect(down.invalidate([freshTag("debate")])).rejects.toThrow();
    await expect(down.invalidatedAfter([freshTag("debate")], now())).rejects.toThrow();
  });
});
