import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/**
 * Request-rate limits that need no row of their own (previews, edits, sign-ups per address).
 * They are counted in this process's memory (rate-limiter-flexible): exact with one server, and
 * per instance when there are several, until a shared store backs them. Limits that guard rows
 * (posting) are counted from those rows instead, in the write's transaction.
 */
export type Limit = { points: number; seconds: number };

export class RateLimit {
  private readonly limiter: RateLimiterMemory;

  constructor(
    readonly name: string,
    readonly limit: Limit,
  ) {
    this.limiter = new RateLimiterMemory({ keyPrefix: name, points: limit.points, duration: limit.seconds });
  }

  /** Counts one use by `key`; the seconds to wait when the limit is already spent, else null. */
  async consume(key: string): Promise<number | null> {
    try {
      await this.limiter.consume(key);
      return null;
    } catch (error) {
      if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw error;
    }
  }

  /** Seconds to wait before `key` may use this again, without counting a use; null when it may. */
  async retryAfter(key: string): Promise<number | null> {
    const res = await this.limiter.get(key);
    if (!res || res.remainingPoints > 0) return null;
    return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  }

  /** Forgets `key` (tests, or a success that clears failures). */
  async reset(key: string): Promise<void> {
    await this.limiter.delete(key);
  }

  /** Gives back one use by `key`: an attempt that turned out not to count (refused for what was typed). */
  async refund(key: string): Promise<void> {
    await this.limiter.reward(key, 1);
  }
}

/** "N seconds" / "N minutes", for "try again in …" messages. */
export function waitPhrase(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
