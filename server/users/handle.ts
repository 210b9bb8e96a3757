import "server-only";
import { randomInt } from "node:crypto";
import { cacheTags } from "@/lib/cache-tags";
import { handleCandidates, handleFromName, handleRefusal, normalizeHandle, suffixedHandle } from "@/lib/handle";
import type { Db, DbTx } from "../db";
import { lockKeys } from "../db-sql";
import { AppError } from "../errors";
import { recordOutsideInvalidation } from "../cache/outside-invalidations";

// Every place a user gets a handle goes through here: sign-up (a handle typed, or one made from the
// name), a GitHub sign-in's first visit, the importer's archive authors, the seed's backfill and
// the account page. Each claim runs in the transaction that stores the handle, after lockKeys on
// it, so two people cannot take one handle at once; the unique index is the last line of defence
// (isHandleClash turns its refusal into the same field error).

export const HANDLE_TAKEN = "That handle is taken. Choose another.";

/** Is this handle free (for `exceptUserId`, who may keep their own)? Locks it for this transaction first. */
async function isFree(tx: DbTx, handle: string, exceptUserId?: string): Promise<boolean> {
  await lockKeys(tx, [`handle:${handle}`]);
  const holder = await tx.user.findUnique({ where: { handle }, select: { id: true } });
  return holder === null || holder.id === exceptUserId;
}

/**
 * The handle a member typed, in its normal form, or a field error: refused (characters, length, a
 * reserved word) or taken. Run it in the transaction that stores the handle.
 */
export async function claimHandle(
  tx: DbTx,
  typed: string,
  { exceptUserId }: { exceptUserId?: string } = {},
): Promise<string> {
  const handle = normalizeHandle(typed);
  const refusal = handleRefusal(handle);
  if (refusal) throw new AppError("INVALID", refusal, "handle");
  if (!(await isFree(tx, handle, exceptUserId))) throw new AppError("CONFLICT", HANDLE_TAKEN, "handle");
  return handle;
}

/** Letters and digits that are not look-alikes of one another (i, l, 1; o, 0). */
const SUFFIX_LETTERS = "abcdefghjkmnpqrstuvwxyz23456789";
const randomSuffix = () => Array.from({ length: 4 }, () => SUFFIX_LETTERS[randomInt(SUFFIX_LETTERS.length)]).join("");

/**
 * A free handle made from a display name: `name`, then `name-2` … `name-9`, then a few random
 * endings. Never fails for want of a handle. Run it in the transaction that stores the handle.
 */
export async function freeHandle(tx: DbTx, name: string): Promise<string> {
  const base = handleFromName(name);
  const candidates = [
    ...handleCandidates(base),
    ...Array.from({ length: 8 }, () => suffixedHandle(base, randomSuffix())),
  ];
  for (const handle of candidates) if (await isFree(tx, handle)) return handle;
  throw new Error("No free handle found after many tries.");
}

/** The handle column for a new user: the one typed (claimed) or, when none was, one made from the name. */
export function handleFor(tx: DbTx, typed: string | null | undefined, name: string): Promise<string> {
  return typed ? claimHandle(tx, typed) : freeHandle(tx, name);
}

/** Did the database refuse a write because another user has this handle (the unique index)? */
export function isHandleClash(error: unknown): boolean {
  if (!(error instanceof Error) || !("code" in error) || error.code !== "P2002") return false;
  // The index's fields (meta.target), or through a driver adapter its constraint ({ fields } or { index }).
  return /handle/.test(JSON.stringify((error as { meta?: unknown }).meta ?? {}));
}

/**
 * Gives every user without a handle one made from their name (rows older than the column): the
 * seed runs it on every `npm run db:setup`. Each in its own short transaction; the names shown
 * next to their posts become links, so those reads are expired for running servers too. Returns
 * how many users got one.
 */
export async function backfillHandles(client: Db, batch = 200): Promise<number> {
  let given = 0;
  for (;;) {
    const users = await client.user.findMany({
      where: { handle: null },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: batch,
      select: { id: true, name: true },
    });
    if (users.length === 0) return given;
    for (const user of users) {
      await client.$transaction(async (tx) => {
        const handle = await freeHandle(tx, user.name);
        await tx.user.updateMany({ where: { id: user.id, handle: null }, data: { handle } });
      });
    }
    await recordOutsideInvalidation(client, [
      cacheTags.handles(),
      ...users.flatMap((u) => [cacheTags.author(u.id), cacheTags.person(u.id)]),
    ]);
    given += users.length;
  }
}
