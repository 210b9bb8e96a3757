// @ts-check
// Entries every instance shares (REDIS_URL), each under its own key as v8-serialised bytes: values
// hold Buffers and Maps, which JSON would not bring back. Keys carry the build, so two builds
// never serve each other's pages or data. A failure loses entries, never serves wrong ones: a read
// that cannot reach Redis is a miss, a write that cannot keeps nothing.

import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import { KEY_PREFIX } from "./redis-client.mjs";
import { asBuffers, redisCommands } from "./redis-commands.mjs";

/** @typedef {import("./redis-client.mjs").RedisClient} RedisClient */

/** No entry lives longer, whatever its own lifetime: shorter than a tag's record (redis-tag-store.mjs). */
export const MAX_ENTRY_TTL_MS = 24 * 3600_000;

/** Larger entries are not stored: each read of one would move that much between machines. */
export const MAX_ENTRY_BYTES = 5 * 1024 * 1024;

/** Each stored entry begins with random bytes, so a delete can tell it from one stored since. */
const STAMP_BYTES = 8;

const DELETE_IF_SAME = `
if redis.call('GETRANGE', KEYS[1], 0, ${STAMP_BYTES - 1}) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * @template {object} T
 * @param {{ namespace: string, client?: RedisClient, prefix?: string, buildId?: string, maxEntryBytes?: number }} options
 *   `namespace` keeps the two handlers' keys apart; the shared client, KEY_PREFIX and the build
 *   being served unless given (tests use their own)
 * @returns {import("./entry-store.mjs").EntryStore<T>}
 */
export function createRedisEntryStore({
  namespace,
  client,
  prefix = KEY_PREFIX,
  buildId,
  maxEntryBytes = MAX_ENTRY_BYTES,
}) {
  const run = redisCommands(client);
  /** @type {string | undefined} read at first use: `next build` loads this file before BUILD_ID exists */
  let keyPrefix;
  /** @param {string} key */
  const keyOf = (key) => (keyPrefix ??= `${prefix}cache:${buildId ?? servedBuildId()}:${namespace}:`) + key;
  /** @type {WeakMap<object, Buffer>} each entry `get` returned → the stamp it was stored with */
  const stamps = new WeakMap();

  return {
    async get(key) {
      try {
        const stored = await run("a cache read", (redis) => asBuffers(redis).get(keyOf(key)));
        if (!Buffer.isBuffer(stored)) return undefined;
        const entry = /** @type {T} */ (v8.deserialize(stored.subarray(STAMP_BYTES)));
        stamps.set(entry, stored.subarray(0, STAMP_BYTES));
        return entry;
      } catch {
        return undefined;
      }
    },

    async set(key, entry, ttlMs) {
      const ttl = Math.min(Math.ceil(ttlMs), MAX_ENTRY_TTL_MS);
      if (!(ttl > 0)) return;
      try {
        const bytes = v8.serialize(entry);
        if (bytes.length > maxEntryBytes) return;
        const stored = Buffer.concat([randomBytes(STAMP_BYTES), bytes]);
        await run("a cache write", (redis) =>
          redis.set(keyOf(key), stored, { expiration: { type: "PX", value: ttl } }),
        );
      } catch {
        // Unreachable, or a value v8 cannot copy: the next read computes it again.
      }
    },

    async delete(key, entry) {
      const stamp = entry && stamps.get(entry);
      if (entry && !stamp) return;
      try {
        await run("a cache delete", (redis) =>
          stamp ? redis.eval(DELETE_IF_SAME, { keys: [keyOf(key)], arguments: [stamp] }) : redis.del(keyOf(key)),
        );
      } catch {
        // The entry stays until it expires; every read still checks it against its tags.
      }
    },
  };
}

/**
 * The id of the build this server runs, which `next build` writes into the dist folder
 * (next.config.ts's distDir, relative to the project). The dev server has none of its own.
 */
function servedBuildId() {
  if (process.env.__NEXT_DEV_SERVER) return "development";
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  try {
    return readFileSync(path.resolve(import.meta.dirname, "..", distDir, "BUILD_ID"), "utf8").trim();
  } catch {
    return "unbuilt";
  }
}
