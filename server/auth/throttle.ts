import "server-only";
import type { DbTx } from "../db";

/** Sign-in failures allowed per key (an IP, an account) in the window before waiting. */
export const SIGN_IN_MAX_FAILURES = 6;
export const SIGN_IN_WINDOW_MS = 60_000;

export const throttleKeys = ({ ip, email }: { ip: string | null; email: string }) => [
  ...(ip ? [`ip:${ip}`] : []),
  `email:${email}`,
];

/** Seconds before another attempt is allowed for any of these keys, or null. */
export async function signInRetryAfter(tx: DbTx, keys: string[], now = new Date()): Promise<number | null> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  let wait = 0;
  for (const key of keys) {
    const failures = await tx.signInFailure.findMany({
      where: { key, createdAt: { gt: since } },
      orderBy: { createdAt: "desc" },
      take: SIGN_IN_MAX_FAILURES,
      select: { createdAt: true },
    });
    if (failures.length >= SIGN_IN_MAX_FAILURES) {
      const oldest = failures.at(-1)!.createdAt.getTime();
      wait = Math.max(wait, Math.ceil((oldest + SIGN_IN_WINDOW_MS - now.getTime()) / 1000));
    }
  }
  return wait > 0 ? wait : null;
}

export async function recordSignInFailure(tx: DbTx, keys: string[], now = new Date()): Promise<void> {
  await tx.signInFailure.createMany({ data: keys.map((key) => ({ key, createdAt: now })) });
  // Keep the table small: nothing older than the window matters.
  await tx.signInFailure.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 10 * SIGN_IN_WINDOW_MS) } } });
}

/** A successful sign-in clears the account's failures (not the IP's). */
export async function clearAccountFailures(tx: DbTx, email: string): Promise<void> {
  await tx.signInFailure.deleteMany({ where: { key: `email:${email}` } });
}
