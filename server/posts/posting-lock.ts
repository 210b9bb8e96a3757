import "server-only";
import { NEW_ACCOUNT_MS } from "@/lib/rules/post-rate-limit";
import type { DbTx } from "../db";
import { lockKeys } from "../db-sql";

/**
 * Taken first in a transaction that counts a member's recent posts or edits and then writes one:
 * their own pace (and slow mode), and for an account younger than a day the pace it shares with
 * the other young accounts of its address. Two posts sent at once, through two instances, are then
 * counted one after the other (lockKeys), so they cannot both slip under a limit.
 */
export async function lockPostingOf(tx: DbTx, author: { id: string; createdAt: Date }, now: Date): Promise<void> {
  const keys = [`posting:user:${author.id}`];
  if (author.createdAt.getTime() > now.getTime() - NEW_ACCOUNT_MS) {
    const row = await tx.user.findUnique({ where: { id: author.id }, select: { signUpAddrHash: true } });
    if (row?.signUpAddrHash) keys.push(`posting:address:${row.signUpAddrHash}`);
  }
  await lockKeys(tx, keys);
}
