import "server-only";
import { randomUUID } from "node:crypto";
import type { Db, DbTx } from "../db";
import { lockKeys } from "../db-sql";
import { addressHash, addressKey } from "../http/address-key";

/**
 * Sign-in failures are counted three ways over a sliding window, so that guessing is slowed
 * without ever locking an account's owner out (a lock anyone can trigger is a way to keep the
 * admin out):
 *
 * - per client address, across accounts: 20 failures in 15 minutes, then that address waits
 *   (password spraying from one address; a NAT full of people mistyping stays well under);
 * - per account and address: 5 failures in 15 minutes, then that address waits for that account
 *   (one address guessing one password);
 * - per account, across addresses: once 10 failures in 15 minutes have come from anywhere (an
 *   attack spread over many addresses), an address that already failed twice against the account
 *   waits. Addresses that have not failed against it are never held back by it: the owner, from
 *   their usual address, signs in with the right password whatever the attackers do.
 *
 * The waits end when the oldest counted failure leaves the window. A distributed attack on one
 * account thus gets 2 guesses per address per 15 minutes; each guess from a fresh address costs
 * the attacker an address. Failures are rows (SignInFailure) so every server instance sees them.
 */
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const SIGN_IN_LIMITS = {
  perAddress: 20,
  perAccountAndAddress: 5,
  accountUnderAttack: 10,
  perAccountAndAddressUnderAttack: 2,
};

export type ThrottleKeys = { address: string; account: string; pair: string };

/**
 * The keys one attempt counts under. An unknown address (no server.mjs in front) is one address
 * for everyone. Addresses are stored as keyed hashes, never as they are.
 */
export function throttleKeys({ ip, email }: { ip: string | null; email: string }): ThrottleKeys {
  const address = addressHash(ip === null ? "unknown" : addressKey(ip));
  return { address: `address:${address}`, account: `account:${email}`, pair: `pair:${address}|${email}` };
}

/** Seconds before this address may try this account again, or null when it may now. */
export async function signInRetryAfter(tx: DbTx, keys: ThrottleKeys, now = new Date()): Promise<number | null> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  // The newest `take` failures under a key, newest first: all any limit needs (bounded reads).
  const recent = async (key: string, take: number) =>
    (
      await tx.signInFailure.findMany({
        where: { key, createdAt: { gt: since } },
        orderBy: { createdAt: "desc" },
        take,
        select: { createdAt: true },
      })
    ).map((row) => row.createdAt.getTime());
  // Seconds until fewer than `max` of these failures are inside the window (0: already fewer).
  const until = (times: number[], max: number) =>
    times.length >= max ? Math.ceil((times[max - 1]! + SIGN_IN_WINDOW_MS - now.getTime()) / 1000) : 0;

  const [byAddress, byPair, byAccount] = await Promise.all([
    recent(keys.address, SIGN_IN_LIMITS.perAddress),
    recent(keys.pair, SIGN_IN_LIMITS.perAccountAndAddress),
    recent(keys.account, SIGN_IN_LIMITS.accountUnderAttack),
  ]);
  let wait = Math.max(until(byAddress, SIGN_IN_LIMITS.perAddress), until(byPair, SIGN_IN_LIMITS.perAccountAndAddress));
  const pairUnderAttack = until(byPair, SIGN_IN_LIMITS.perAccountAndAddressUnderAttack);
  if (pairUnderAttack > 0) {
    // Held back only while the account stays under attack and this address's failures count.
    wait = Math.max(wait, Math.min(pairUnderAttack, until(byAccount, SIGN_IN_LIMITS.accountUnderAttack)));
  }
  return wait > 0 ? wait : null;
}

/** Records one failure under each key; the ids of the rows written. */
export async function recordSignInFailure(tx: DbTx, keys: ThrottleKeys, now = new Date()): Promise<string[]> {
  const rows = [keys.address, keys.account, keys.pair].map((key) => ({ id: randomUUID(), key, createdAt: now }));
  await tx.signInFailure.createMany({ data: rows });
  // Keep the table small: nothing older than the window matters.
  await tx.signInFailure.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - SIGN_IN_WINDOW_MS) } } });
  return rows.map((row) => row.id);
}

/** An attempt let through: the failure it was counted as, in case its password turns out right. */
export type SignInAttempt = { wait: null; counted: string[] } | { wait: number };

/**
 * Lets an attempt through, or says how long it must wait. A let-through attempt is counted as a
 * failure at once, before its password is checked (in one transaction with the check, under a
 * lock on its keys): so attempts sent together, to any instances, are counted one after the other
 * and cannot all pass the check before any has failed. A right password gives the count back
 * (signInSucceeded).
 */
export async function beginSignInAttempt(db: Db, keys: ThrottleKeys, now = new Date()): Promise<SignInAttempt> {
  return db.$transaction(async (tx) => {
    await lockKeys(tx, [keys.address, keys.account, keys.pair]);
    const wait = await signInRetryAfter(tx, keys, now);
    if (wait) return { wait };
    return { wait: null, counted: await recordSignInFailure(tx, keys, now) };
  });
}

/**
 * The password was right: the attempt was not a failure after all, and this address's failures
 * against the account (its owner's typos) are forgotten. The address's failures across accounts
 * stay, so signing in to an account of one's own does not buy more guesses at others; the
 * account's count from elsewhere runs out with its window.
 */
export async function signInSucceeded(db: Db, keys: ThrottleKeys, counted: string[]): Promise<void> {
  await db.$transaction([
    db.signInFailure.deleteMany({ where: { id: { in: counted } } }),
    db.signInFailure.deleteMany({ where: { key: keys.pair } }),
  ]);
}
