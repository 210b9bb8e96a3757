// @ts-check
// Where a handler (data.mjs, page.mjs) keeps its entries: in this process, an LRU bounded in bytes;
// or in Redis when instances share them (redis-entry-store.mjs). The handlers decide what is fresh
// against the tag store; an entry store only keeps, returns and forgets.

import { LRUCache } from "lru-cache";

/**
 * @template {object} T
 * @typedef {object} EntryStore
 * @property {(key: string) => Promise<T | undefined>} get
 *   The entry, or undefined when there is none or it cannot be read (never rejects).
 * @property {(key: string, entry: T, ttlMs: number) => Promise<void>} set
 *   Keeps the entry, for at most `ttlMs` where the store expires entries; keeps nothing when it
 *   cannot (never rejects).
 * @property {(key: string, entry?: T) => Promise<void>} delete
 *   Forgets the key; given the entry `get` returned, only while the key still holds that entry,
 *   not one stored since (never rejects).
 */

/**
 * This process's entries, least recently used first out. It ignores lifetimes: the data handler
 * checks an entry's age when reading it, and Next a page's.
 * @template {object} T
 * @param {{ maxSize: number, sizeOf: (entry: T, key: string) => number }} options
 * @returns {EntryStore<T>}
 */
export function createMemoryEntryStore({ maxSize, sizeOf }) {
  /** @type {LRUCache<string, T>} */
  const entries = new LRUCache({ maxSize, sizeCalculation: sizeOf });
  return {
    async get(key) {
      return entries.get(key);
    },
    async set(key, entry) {
      entries.set(key, entry);
    },
    async delete(key, entry) {
      if (entry === undefined || entries.peek(key) === entry) entries.delete(key);
    },
  };
}
