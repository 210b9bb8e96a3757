// @ts-check
// What the Redis-backed stores (redis-tag-store.mjs, redis-entry-store.mjs) share: which client
// they talk to, how long they wait for it, and how they read bytes back.
import { RESP_TYPES } from "redis";
import { getRedis } from "./redis-client.mjs";

/** @typedef {import("./redis-client.mjs").RedisClient} RedisClient */

/**
 * How long a command may take before it counts as failed. Redis answers in well under a
 * millisecond; a connection that stays open while nothing answers (a partition, a paused machine)
 * would otherwise hold every request, and every write's invalidation, until TCP gives up minutes
 * later. A command past its deadline may still run: for an invalidation, failing is the safe side.
 */
export const COMMAND_DEADLINE_MS = 2_000;

/**
 * Runs commands on `client` (tests pass their own), else on the process's shared client.
 * @param {RedisClient | undefined} client
 */
export function redisCommands(client) {
  /**
   * Rejects when Redis cannot be reached, or does not answer in time.
   * @template T
   * @param {string} what the command's purpose, for the error
   * @param {(redis: RedisClient) => Promise<T>} command
   * @returns {Promise<T>}
   */
  return async function run(what, command) {
    const redis = client ?? (await getRedis());
    if (!redis) throw new Error(`Redis is not configured (REDIS_URL), for ${what}`);
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    const deadline = new Promise((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Redis did not answer ${what} within ${COMMAND_DEADLINE_MS} ms`)),
        COMMAND_DEADLINE_MS,
      );
    });
    try {
      return await Promise.race([command(redis), deadline]);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** @type {WeakMap<RedisClient, RedisClient>} */
const bufferViews = new WeakMap();

/**
 * The same client answering bulk strings as Buffers rather than text (entries are binary).
 * @param {RedisClient} redis
 */
export function asBuffers(redis) {
  let view = bufferViews.get(redis);
  if (!view) {
    view = /** @type {RedisClient} */ (
      /** @type {unknown} */ (redis.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer }))
    );
    bufferViews.set(redis, view);
  }
  return view;
}
