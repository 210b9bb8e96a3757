// @ts-check
// The process's one Redis client, when REDIS_URL is set (several instances share the cache, the
// invalidations, the rate limits and the view counters through it). Next loads the cache handlers
// with a plain import() while the app's server code runs inside Turbopack's bundle, so this file
// is evaluated twice in one process: both copies share one client through a global symbol.
//
// Commands fail at once while the connection is down (no offline queue): a cache read then counts
// as a miss, and an invalidation as an error, never as a silent success some seconds later.
import { createClient } from "redis";

const CLIENT_KEY = Symbol.for("debate-commons.redis-client");

/** @typedef {import("redis").RedisClientType} RedisClient */

/** Every key the app writes starts with this (REDIS_PREFIX, default "dc:"): one Redis can serve several sites. */
export const KEY_PREFIX = process.env.REDIS_PREFIX ?? "dc:";

/** True while `next build` runs: nothing may connect then (the build must not need a server). */
export function isBuildPhase() {
  return process.env.NEXT_PHASE === "phase-production-build";
}

/** Whether this process uses Redis (REDIS_URL set, and not building). */
export function usesRedis() {
  return Boolean(process.env.REDIS_URL) && !isBuildPhase();
}

/** @typedef {{ client: RedisClient, ready: Promise<unknown>, waited: boolean }} Connection */

/** How long a first use waits for the connection before treating Redis as unreachable. */
const FIRST_CONNECT_WAIT_MS = 2_000;

/**
 * The connected client; null when the app runs without Redis. Rejects when Redis cannot be
 * reached right now (the caller decides: a miss, or an error); the client keeps reconnecting.
 * @returns {Promise<RedisClient | null>}
 */
export async function getRedis() {
  if (!usesRedis()) return null;
  const registry = /** @type {{ [CLIENT_KEY]?: Connection }} */ (globalThis);
  const connection = (registry[CLIENT_KEY] ??= open(/** @type {string} */ (process.env.REDIS_URL)));
  if (connection.client.isReady) return connection.client;
  // Only the first uses wait for the first connection; after that, down means down at once.
  if (connection.waited) throw new Error("Redis is not reachable (REDIS_URL)");
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  await Promise.race([
    connection.ready,
    new Promise((resolve) => (timer = setTimeout(resolve, FIRST_CONNECT_WAIT_MS))),
  ]).finally(() => clearTimeout(timer));
  connection.waited = true;
  if (!connection.client.isReady) throw new Error("Redis is not reachable (REDIS_URL)");
  return connection.client;
}

/**
 * @param {string} url
 * @returns {Connection}
 */
function open(url) {
  /** @type {RedisClient} */
  const client = /** @type {RedisClient} */ (
    /** @type {unknown} */ (
      createClient({
        url,
        disableOfflineQueue: true,
        socket: {
          connectTimeout: 2_000,
          // Keep trying in the background; meanwhile every command fails fast.
          reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2_000),
        },
      })
    )
  );
  let lastLogged = 0;
  client.on("error", (error) => {
    // Without a listener node-redis would crash the process; log at most every 10 s.
    if (Date.now() - lastLogged > 10_000) {
      lastLogged = Date.now();
      console.error("[redis]", error instanceof Error ? error.message : error);
    }
  });
  const ready = client.connect().catch(() => undefined);
  return { client, ready, waited: false };
}

/** Closes the client (tests, scripts that must exit). */
export async function closeRedis() {
  const registry = /** @type {{ [CLIENT_KEY]?: Connection }} */ (globalThis);
  const connection = registry[CLIENT_KEY];
  delete registry[CLIENT_KEY];
  if (connection) await connection.client.close().catch(() => connection.client.destroy());
}
