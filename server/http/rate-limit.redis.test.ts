// Rate limits when the app runs as several instances over one Redis (TEST_REDIS_URL): each
// instance has its own RateLimit objects, and a limit must hold for the whole site, not per
// instance; with Redis gone, each instance still limits on its own.
import { randomUUID } from "node:crypto";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { RedisClient } from "@/cache-handlers/redis-client.mjs";
import { RateLimit, type SharedCounts } from "./rate-limit";

// Every key this file writes starts with `prefix`. The app's own wiring reads REDIS_URL and
// REDIS_PREFIX when redis-client.mjs loads: before the imports below.
const { url, prefix } = vi.hoisted(() => {
  const url = process.env.TEST_REDIS_URL;
  if (!url) throw new Error("TEST_REDIS_URL is not set: this file needs a Redis server.");
  const prefix = `test:${crypto.randomUUID()}:`;
  Object.assign(process.env, { REDIS_URL: url, REDIS_PREFIX: prefix });
  return { url, prefix };
});

const clients: RedisClient[] = [];
async function connect(): Promise<RedisClient> {
  const client = createClient({ url, disableOfflineQueue: true }) as unknown as RedisClient;
  client.on("error", () => {});
  await client.connect();
  clients.push(client);
  return client;
}

/** One app instance's view of Redis: its own connection. */
async function instance(): Promise<SharedCounts> {
  const client = await connect();
  return { redis: async () => client, prefix };
}

const HOUR = { points: 3, seconds: 60 * 60 };

let admin: RedisClient;
beforeAll(async () => {
  admin = await connect();
});

afterAll(async () => {
  for await (const keys of admin.scanIterator({ MATCH: `${prefix}*` })) if (keys.length) await admin.del(keys);
  for (const client of clients) if (client.isOpen) await client.close();
  const { closeRedis } = await import("@/cache-handlers/redis-client.mjs");
  await closeRedis();
});

describe("RateLimit over Redis", () => {
  it("shares one count between instances: 3 uses in total, not 3 on each", async () => {
    const [a, b] = [new RateLimit("shared", HOUR, await instance()), new RateLimit("shared", HOUR, await instance())];
    expect(await a.consume("203.0.113.1")).toBeNull();
    expect(await b.consume("203.0.113.1")).toBeNull();
    expect(await a.consume("203.0.113.1")).toBeNull();
    const wait = await b.consume("203.0.113.1");
    expect(wait).toBeGreaterThan(60 * 59);
    expect(wait).toBeLessThanOrEqual(60 * 60);
    expect(await a.retryAfter("203.0.113.1")).toBeGreaterThan(60 * 59);
    // Another key is not held back.
    expect(await a.consume("203.0.113.2")).toBeNull();
    // The counts live in Redis, under the prefix and the limit's name.
    expect(await admin.exists(`${prefix}rl:shared:203.0.113.1`)).toBe(1);
  });

  it("takes a refund or a reset on one instance into account on the other", async () => {
    const [a, b] = [new RateLimit("undo", HOUR, await instance()), new RateLimit("undo", HOUR, await instance())];
    for (let i = 0; i < 3; i++) expect(await a.consume("key")).toBeNull();
    expect(await b.retryAfter("key")).not.toBeNull();
    await b.refund("key");
    expect(await a.retryAfter("key")).toBeNull();
    expect(await a.consume("key")).toBeNull();
    expect(await b.consume("key")).not.toBeNull();
    await a.reset("key");
    expect(await b.retryAfter("key")).toBeNull();
    expect(await admin.exists(`${prefix}rl:undo:key`)).toBe(0);
  });

  it("still limits when Redis cannot be reached from the start: each instance on its own", async () => {
    const unreachable: SharedCounts = { redis: () => Promise.reject(new Error("connection refused")), prefix };
    const limit = new RateLimit("down", HOUR, unreachable);
    for (let i = 0; i < 3; i++) expect(await limit.consume("key")).toBeNull();
    expect(await limit.consume("key")).toBeGreaterThan(60 * 59);
    expect(await limit.retryAfter("key")).not.toBeNull();
  });

  it("still limits when Redis goes away after the first use, instead of failing requests", async () => {
    const counts = await instance();
    const limit = new RateLimit("outage", HOUR, counts);
    expect(await limit.consume("key")).toBeNull();
    expect(await admin.get(`${prefix}rl:outage:key`)).toBe("1");
    (await counts.redis())!.destroy();
    // Redis's count is out of reach: this instance counts afresh, and stops at the limit.
    for (let i = 0; i < 3; i++) expect(await limit.consume("key")).toBeNull();
    expect(await limit.consume("key")).not.toBeNull();
    expect(await admin.get(`${prefix}rl:outage:key`)).toBe("1");
  });

  it("holds sign-ups per address across two app instances wired to REDIS_URL", async () => {
    // Two instances: the sign-up module loaded twice, each copy with its own limits.
    const first = await import("../users/sign-up");
    vi.resetModules();
    const second = await import("../users/sign-up");
    expect(second.SIGN_UP_LIMITS[0]).not.toBe(first.SIGN_UP_LIMITS[0]);
    const form = (n: number) => ({
      name: `Newcomer ${n}`,
      email: `newcomer-${n}-${randomUUID()}@example.test`,
      password: "a long and unusual passphrase",
      website: false,
      address: "198.51.100.7",
    });
    await first.signUp(form(1));
    await second.signUp(form(2));
    await first.signUp(form(3));
    await expect(second.signUp(form(4))).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(first.signUp(form(5))).rejects.toMatchObject({ code: "RATE_LIMITED" });
    // Counted under the address's keyed hash: the address itself is never stored in Redis.
    const { addressHash, addressKey } = await import("./address-key");
    expect(await admin.get(`${prefix}rl:sign-up-hour:${addressHash(addressKey("198.51.100.7"))}`)).toBe("3");
    expect(await admin.keys(`${prefix}*198.51.100.7*`)).toEqual([]);
  });
});
