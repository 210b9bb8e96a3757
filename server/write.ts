import "server-only";
import { db, type DbTx } from "./db";

/**
 * A write in progress: its transaction, and `touch`, which the code that writes a row calls with
 * the cache tags of every read that shows that row. Helpers that write (insertPost,
 * logModeration) touch their own tags, so no caller has a tag to remember.
 */
export type Write = { tx: DbTx; touch: (...tags: string[]) => void };

/** A domain write's result, with the tags of every cached read it changed (none: `[]`). */
export type Written<T extends object = object> = T & { tags: string[] };

/**
 * Runs `fn` in one transaction and returns what it returned plus the tags it touched. The tags
 * are only handed back once the transaction has committed: invalidating before the commit would
 * let a render that starts in between cache the old rows as new.
 */
export async function write<T extends object>(
  fn: (w: Write) => Promise<T>,
  options?: { timeout?: number },
): Promise<Written<T>> {
  const tags = new Set<string>();
  const touch = (...more: string[]) => more.forEach((tag) => tags.add(tag));
  const result = await db.$transaction((tx) => fn({ tx, touch }), options);
  return { ...result, tags: [...tags] };
}

/** A result that changes nothing any cached read shows (an account's password, a report). */
export function unseen<T extends object>(result: T): Written<T> {
  return { ...result, tags: [] };
}
