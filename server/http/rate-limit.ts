import "server-only";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { getRedis, KEY_PREFIX, usesRedis, type RedisClient } from "@/cache-handlers/redis-client.mjs";

/**
 * Request-rate limits that need no row of their own (previews, render overruns, sign-ups per
 * address, the view dedupe).
 * With Redis (REDIS_URL), every instance counts in the same keys, so a limit holds for the whole
 * site; without it, in this process's memory, which is exact with one server. Limits that guard
 * rows (posting) are counted from those rows instead, in the write's transaction.
 */
export type Limit = { points: number; seconds: number };

/** Where several instances count together: a Redis client (null or a rejection: not now) and the key prefix. */
export type SharedCounts = { redis: () => Promise<RedisClient | null>; prefix: string };

/** The app's Redis, when this process uses one (never during `next build`); else null. */
export function appSharedCounts(): SharedCounts | null {
  return usesRedis() ? { redis: getRedis, prefix: KEY_PREFIX } : null;
}

export class RateLimit {
  // This process's own count. With Redis it is the insurance: while Redis cannot be reached, each
  // instance limits alone (a visitor gets the limit once per instance) rather than failing requests.
  private readonly memory: RateLimiterMemory;
  private shared: RateLimiterRedis | null = null;

  constructor(
    readonly name: string,
    readonly limit: Limit,
    private readonly counts: SharedCounts | null = appSharedCounts(),
  ) {
    this.memory = new RateLimiterMemory({ keyPrefix: name, points: limit.points, duration: limit.seconds });
  }

  // Made on first use: limits are built when their module loads, before any connection exists.
  private async limiter(): Promise<RateLimiterRedis | RateLimiterMemory> {
    if (this.shared || !this.counts) return this.shared ?? this.memory;
    const client = await this.counts.redis().catch(() => null);
    // Unreachable for now: count here, and try again on the next use.
    if (!client) return this.memory;
    this.shared ??= new RateLimiterRedis({
      storeClient: client,
      // node-redis 4+ (`redis`): its commands are camelCase and take option objects.
      useRedisPackage: true,
      // A command on a down connection fails at once anyway (no offline queue); say so here too.
      rejectIfRedisNotReady: true,
      keyPrefix: `${this.counts.prefix}rl:${this.name}`,
      points: this.limit.points,
      duration: this.limit.seconds,
      insuranceLimiter: this.memory,
    });
    return this.shared;
  }

  /** Counts one use by `key`; the seconds to wait when the limit is already spent, else null. */
  async consume(key: string): Promise<number | null> {
    try {
      await (await this.limiter()).consume(key);
      return null;
    } catch (error) {
      if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw error;
    }
  }

  /** Seconds to wait before `key` may use this again, without counting a use; null when it may. */
  async retryAfter(key: string): Promise<number | null> {
    const res = await (await this.limiter()).get(key);
    if (!res || res.remainingPoints > 0) return null;
    return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  }

  /** Forgets `key` (tests, or a success that clears failures). */
  async reset(key: string): Promise<void> {
    await (await this.limiter()).delete(key);
  }

  /** Gives back one use by `key`: an attempt that turned out not to count (refused for what was typed). */
  async refund(key: string): Promise<void> {
    await (await this.limiter()).reward(key, 1);
  }
}

/** "N seconds" / "N minutes", for "try again in …" messages. */
export function waitPhrase(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
