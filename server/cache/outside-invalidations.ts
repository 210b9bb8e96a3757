import "server-only";
import { createClient } from "redis";
import { CLOCK_SKEW_MARGIN_MS, now } from "@/cache-handlers/clock.mjs";
import { usesRedis, type RedisClient } from "@/cache-handlers/redis-client.mjs";
import { createRedisTagStore } from "@/cache-handlers/redis-tag-store.mjs";
import type { Db } from "../db";

/** Longer than any cache lifetime: older rows can no longer concern a cached entry. */
const KEEP_MS = 2 * 24 * 3600_000;

/**
 * For writes made outside the server (the command line): after the write has committed, expires
 * for every running server the cached reads and pages showing what it changed. With Redis
 * (REDIS_URL), where the servers keep their tag store, directly; otherwise by recording the tags
 * in the database, for each server to read before its next cache check
 * (cache-handlers/outside-log.mjs). Rejects when they could not be recorded.
 */
export async function recordOutsideInvalidation(db: Db, tags: Iterable<string>): Promise<void> {
  const distinct = [...new Set(tags)];
  if (distinct.length === 0) return;
  if (usesRedis()) return invalidateInRedis(distinct);
  // Stamped ahead, so a server whose clock reads a little behind still sees it.
  const at = now() + CLOCK_SKEW_MARGIN_MS;
  await db.$transaction([
    db.cacheInvalidation.createMany({ data: distinct.map((tag) => ({ tag, at })) }),
    db.cacheInvalidation.deleteMany({ where: { at: { lt: at - KEEP_MS } } }),
  ]);
}

/**
 * Over a connection of its own, closed at once: the process's shared client would keep a script
 * alive after its work, and a Redis that cannot be reached must fail the command, not retry.
 */
async function invalidateInRedis(tags: string[]): Promise<void> {
  const client = createClient({
    url: process.env.REDIS_URL,
    socket: { connectTimeout: 2_000, reconnectStrategy: false },
  }) as unknown as RedisClient;
  // Failures reach the caller through connect() and the command; without a listener they would also crash.
  client.on("error", () => {});
  await client.connect();
  try {
    await createRedisTagStore({ client }).invalidate(tags);
  } finally {
    client.destroy();
  }
}
