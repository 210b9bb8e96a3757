// Views when the app runs as several instances over one Redis (TEST_REDIS_URL): each instance
// counts a visitor once per hour whichever instance they reach, views wait in Redis, and a flush
// writes each of them to the database exactly once.
import { createClient } from "redis";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { RedisClient } from "@/cache-handlers/redis-client.mjs";
import { createDebate } from "@/test/factories";
import { db, type Db } from "../db";
import type { SharedCounts } from "../http/rate-limit";
import { createViewRecorder, recordDebateView, type ViewRecorder } from "./record-debate-view";

// Every key this file writes starts with `filePrefix`. The app's own wiring reads REDIS_URL and
// REDIS_PREFIX when redis-client.mjs loads: before the imports below.
const { url, filePrefix } = vi.hoisted(() => {
  const url = process.env.TEST_REDIS_URL;
  if (!url) throw new Error("TEST_REDIS_URL is not set: this file needs a Redis server.");
  const filePrefix = `test:${crypto.randomUUID()}:`;
  Object.assign(process.env, { REDIS_URL: url, REDIS_PREFIX: `${filePrefix}app:` });
  return { url, filePrefix };
});

const clients: RedisClient[] = [];
async function connect(): Promise<RedisClient> {
  const client = createClient({ url, disableOfflineQueue: true }) as unknown as RedisClient;
  client.on("error", () => {});
  await client.connect();
  clients.push(client);
  return client;
}

const recorders: ViewRecorder[] = [];
let worlds = 0;

/** Two app instances, each with its own connection and recorder, over keys of their own. */
async function twoInstances() {
  const prefix = `${filePrefix}${++worlds}:`;
  const instance = async () => {
    const client = await connect();
    const recorder = createViewRecorder({ counts: { redis: async () => client, prefix }, db });
    recorders.push(recorder);
    return recorder;
  };
  return { prefix, a: await instance(), b: await instance() };
}

const viewsOf = async (id: string) => (await db.debate.findUniqueOrThrow({ where: { id } })).viewCount;
const keysUnder = async (prefix: string) => admin.keys(`${prefix}*`);

let admin: RedisClient;
beforeAll(async () => {
  admin = await connect();
});

afterEach(() => {
  for (const recorder of recorders.splice(0)) recorder.pending?.stop();
  vi.restoreAllMocks();
});

afterAll(async () => {
  for await (const keys of admin.scanIterator({ MATCH: `${filePrefix}*` })) if (keys.length) await admin.del(keys);
  for (const client of clients) if (client.isOpen) await client.close();
  const { closeRedis } = await import("@/cache-handlers/redis-client.mjs");
  await closeRedis();
});

describe("debate views over Redis", () => {
  it("writes exactly 32 views for 32 visitors arriving at once on two instances", async () => {
    const { prefix, a, b } = await twoInstances();
    const debate = await createDebate();
    const found = await Promise.all(
      Array.from({ length: 32 }, (_, i) => (i % 2 ? a : b).record(db, debate.slug, { address: `192.0.2.${i}` })),
    );
    expect(found).toEqual(Array(32).fill(true));
    // Counted in Redis, not yet in the debate's row.
    expect(await viewsOf(debate.id)).toBe(0);

    const written = await Promise.all([a.pending!.flush(), b.pending!.flush()]);
    expect(written[0] + written[1]).toBe(32);
    expect(await viewsOf(debate.id)).toBe(32);
    // Nothing is left to write twice.
    expect(await a.pending!.flush()).toBe(0);
    expect(await viewsOf(debate.id)).toBe(32);
    expect(await admin.exists(`${prefix}views:pending`)).toBe(0);
  });

  it("counts a returning visitor once, whichever instance they reach", async () => {
    const { a, b } = await twoInstances();
    const debate = await createDebate();
    const other = await createDebate();
    for (const recorder of [a, b, a]) {
      expect(await recorder.record(db, debate.slug, { userId: "member-1" })).toBe(true);
      expect(await recorder.record(db, debate.slug, { address: "203.0.113.5" })).toBe(true);
    }
    // Once per debate: the same visitor on another debate is a view of that one.
    expect(await b.record(db, other.slug, { userId: "member-1" })).toBe(true);
    await b.pending!.flush();
    expect(await viewsOf(debate.id)).toBe(2);
    expect(await viewsOf(other.id)).toBe(1);
  });

  it("answers false for an unknown debate and leaves nothing in Redis", async () => {
    const { prefix, a, b } = await twoInstances();
    expect(await a.record(db, "no-such-debate", { address: "203.0.113.6" })).toBe(false);
    expect(await b.record(db, "no-such-debate", { userId: "member-2" })).toBe(false);
    expect(await b.record(db, "no-such-debate")).toBe(false);
    expect(await a.pending!.flush()).toBe(0);
    expect(await keysUnder(prefix)).toEqual([]);
  });

  it("writes the view at once while Redis is down, still once per visitor on that instance", async () => {
    const down: SharedCounts = { redis: () => Promise.reject(new Error("connection refused")), prefix: filePrefix };
    const recorder = createViewRecorder({ counts: down, db });
    recorders.push(recorder);
    const debate = await createDebate();
    expect(await recorder.record(db, debate.slug, { address: "203.0.113.7" })).toBe(true);
    expect(await viewsOf(debate.id)).toBe(1);
    expect(await recorder.record(db, debate.slug, { address: "203.0.113.7" })).toBe(true);
    expect(await viewsOf(debate.id)).toBe(1);
    expect(await recorder.record(db, "no-such-debate", { address: "203.0.113.7" })).toBe(false);
  });

  it("puts the views back when the database refuses a flush, for the next flush to write", async () => {
    const { prefix, a } = await twoInstances();
    const client = await connect();
    const refusing = { debate: { updateMany: () => Promise.reject(new Error("database is down")) } } as unknown as Db;
    const broken = createViewRecorder({ counts: { redis: async () => client, prefix }, db: refusing });
    recorders.push(broken);
    const debate = await createDebate();
    for (let i = 0; i < 3; i++) await broken.record(db, debate.slug, { address: `198.51.100.${i}` });

    await expect(broken.pending!.flush()).rejects.toThrow("database is down");
    expect(await viewsOf(debate.id)).toBe(0);
    expect(await admin.hGet(`${prefix}views:pending`, debate.id)).toBe("3");
    expect(await a.pending!.flush()).toBe(3);
    expect(await viewsOf(debate.id)).toBe(3);
  });

  it("flushes by itself, every interval, once it has counted a view", async () => {
    const client = await connect();
    const prefix = `${filePrefix}timer:`;
    const recorder = createViewRecorder({ counts: { redis: async () => client, prefix }, db, flushEveryMs: 50 });
    recorders.push(recorder);
    const debate = await createDebate();
    await recorder.record(db, debate.slug, { address: "203.0.113.8" });
    await vi.waitFor(async () => expect(await viewsOf(debate.id)).toBe(1), { timeout: 2_000 });
  });

  it("writes what is pending when told to stop (SIGTERM), then exits as the signal would", async () => {
    const { a } = await twoInstances();
    const debate = await createDebate();
    await a.record(db, debate.slug, { address: "203.0.113.9" });
    // The hook re-raises the signal once nothing else listens: caught here, or it would end the test.
    const kill = vi.spyOn(process, "kill").mockImplementation(() => true);
    process.emit("SIGTERM", "SIGTERM");
    await vi.waitFor(() => expect(kill).toHaveBeenCalledWith(process.pid, "SIGTERM"), { timeout: 2_000 });
    expect(await viewsOf(debate.id)).toBe(1);
  });

  it("goes through Redis in the app's own wiring when REDIS_URL is set", async () => {
    const debate = await createDebate();
    expect(await recordDebateView(db, debate.slug, { address: "203.0.113.10" })).toBe(true);
    expect(await recordDebateView(db, debate.slug, { address: "203.0.113.10" })).toBe(true);
    expect(await viewsOf(debate.id)).toBe(0);
    expect(await admin.hGet(`${filePrefix}app:views:pending`, debate.id)).toBe("1");
    // Another instance's flush writes it.
    const other = createViewRecorder();
    recorders.push(other);
    expect(await other.pending!.flush()).toBe(1);
    expect(await viewsOf(debate.id)).toBe(1);
  });
});
