// @ts-check
// The tag store every instance shares when the app runs as several (REDIS_URL): one key per tag,
// holding when it was last invalidated. Every freshness check reads the times from Redis (one
// MGET); no instance keeps a copy, so an invalidation counts everywhere as soon as it returns.
//
// A record expires two days after its tag's latest invalidation, longer than any entry lives in
// Redis (a day: redis-entry-store.mjs), so a forgotten tag only concerned entries that are gone.
// For the same reason Redis must never evict keys to make room (maxmemory-policy noeviction, its
// default): an evicted record would make the entries it condemns look fresh. Full, Redis then
// refuses the invalidation, and the write hears of it.

import { CLOCK_SKEW_MARGIN_MS, now } from "./clock.mjs";
import { KEY_PREFIX } from "./redis-client.mjs";
import { redisCommands } from "./redis-commands.mjs";

/** @typedef {import("./redis-client.mjs").RedisClient} RedisClient */

/** How long a tag's record outlives its latest invalidation. */
export const TAG_TTL_MS = 2 * 24 * 3600_000;

// KEYS: the tags' records; ARGV: the invalidation time, the records' TTL. Keeps the later time
// (two machines' stamps may arrive out of order), stored as sent: Lua formats numbers with 14
// digits, which would round away the fraction of a millisecond the comparisons rely on.
const INVALIDATE = `
local at = tonumber(ARGV[1])
for _, key in ipairs(KEYS) do
  local previous = tonumber(redis.call('GET', key))
  if previous == nil or previous < at then
    redis.call('SET', key, ARGV[1], 'PX', ARGV[2])
  else
    redis.call('PEXPIRE', key, ARGV[2])
  end
end
return #KEYS`;

/**
 * @param {{ client?: RedisClient, prefix?: string }} [options] the shared client and KEY_PREFIX
 *   unless given (tests use their own)
 * @returns {import("./tag-store.mjs").TagStore}
 */
export function createRedisTagStore({ client, prefix = KEY_PREFIX } = {}) {
  const run = redisCommands(client);
  /** @param {readonly string[]} tags */
  const keysOf = (tags) => [...new Set(tags)].map((tag) => `${prefix}tag:${tag}`);

  return {
    async invalidate(tags) {
      const keys = keysOf(tags);
      if (keys.length === 0) return;
      // JavaScript writes the shortest text that reads back as the same number: nothing is lost.
      const at = String(now() + CLOCK_SKEW_MARGIN_MS);
      await run("an invalidation", (redis) => redis.eval(INVALIDATE, { keys, arguments: [at, String(TAG_TTL_MS)] }));
    },

    async invalidatedAfter(tags, timestamp) {
      const keys = keysOf(tags);
      if (keys.length === 0) return false;
      const times = await run("a freshness check", (redis) => redis.mGet(keys));
      return times.some((time) => time !== null && Number(time) >= timestamp);
    },
  };
}
