import "server-only";
import { db, type DbTx } from "./db";

/** Work owed once a write has committed and its tags are invalidated (notify, publish live). */
export type AfterCommit = () => Promise<void> | void;

/**
 * A write in progress: its transaction; `touch`, which the code that writes a row calls with the
 * cache tags of every read that shows that row (helpers that write, such as insertPost and
 * logModeration, touch their own tags, so no caller has a tag to remember); and `after`, work to
 * run once the write has committed and its tags are invalidated. What `after` does must be safe
 * to lose: anything owed durably is written in the transaction too (a NotificationJob), and
 * `after` only hurries it along.
 */
export type Write = { tx: DbTx; touch: (...tags: string[]) => void; after: (fn: AfterCommit) => void };

/**
 * A domain write's result, with the tags of every cached read it changed (none: `[]`) and the
 * work to run after it (server/http/action.ts runs it, after invalidating the tags).
 */
export type Written<T extends object = object> = T & { tags: string[]; after?: AfterCommit[] };

/**
 * Runs `fn` in one transaction and returns what it returned plus the tags it touched. The tags
 * are only handed back once the transaction has committed: invalidating before the commit would
 * let a render that starts in between cache the old rows as new. A transaction Prisma retries
 * or that fails hands back nothing of what it asked for.
 */
export async function write<T extends object>(
  fn: (w: Write) => Promise<T>,
  options?: { timeout?: number },
): Promise<Written<T>> {
  const tags = new Set<string>();
  const after: AfterCommit[] = [];
  const touch = (...more: string[]) => more.forEach((tag) => tags.add(tag));
  const result = await db.$transaction((tx) => fn({ tx, touch, after: (work) => after.push(work) }), options);
  return { ...result, tags: [...tags], ...(after.length > 0 && { after }) };
}

/** A result that changes nothing any cached read shows (an account's password, a report). */
export function unseen<T extends object>(result: T): Written<T> {
  return { ...result, tags: [] };
}

/**
 * Runs a committed write's after-work, each piece on its own: a failure is logged and never
 * reaches the writer, whose write has already succeeded.
 */
export async function runAfterCommit(after: AfterCommit[] | undefined): Promise<void> {
  for (const work of after ?? []) {
    try {
      await work();
    } catch (error) {
      console.error("After-commit work failed (the write itself is saved):", error);
    }
  }
}
