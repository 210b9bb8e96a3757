import "server-only";
import { cacheTags } from "@/lib/cache-tags";
import type { SignInInput } from "@/lib/schemas/account";
import { dummyPasswordHash, verifyPassword } from "../auth/password";
import { isAdminEmail } from "../auth/roles";
import { beginSignInAttempt, signInSucceeded, throttleKeys } from "../auth/throttle";
import { invalidateTags } from "../cache/invalidate-tags";
import { db } from "../db";
import { AppError } from "../errors";
import { waitPhrase } from "../http/rate-limit";

export const WRONG_CREDENTIALS = "Wrong email or password.";

/**
 * Checks an email and password. Every failure says the same thing, whether the account exists,
 * has no password (imported authors, OAuth-only accounts) or the password is wrong. Repeated
 * failures make the address that fails wait (server/auth/throttle.ts), never the account's owner
 * trying from elsewhere. `ip` is the client address our server set (null without server.mjs).
 */
export async function authenticate({ email, password, ip }: SignInInput & { ip: string | null }) {
  const keys = throttleKeys({ ip, email });
  // Counted as a failure until the password proves right (beginSignInAttempt).
  const attempt = await beginSignInAttempt(db, keys);
  if (attempt.wait !== null) {
    throw new AppError("RATE_LIMITED", `Too many failed attempts. Try again in ${waitPhrase(attempt.wait)}.`);
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, role: true, passwordHash: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !user.passwordHash || !ok) throw new AppError("UNAUTHENTICATED", WRONG_CREDENTIALS);
  await signInSucceeded(db, keys, attempt.counted);
  // An address listed in ADMIN_EMAILS becomes admin when it signs in, not only at sign-up.
  if (user.role !== "ADMIN" && isAdminEmail(email)) {
    await db.user.update({ where: { id: user.id }, data: { role: "ADMIN" } });
    user.role = "ADMIN";
    // Their posts and debates show the admin badge from now on (the update has committed).
    await invalidateTags([cacheTags.author(user.id)]);
  }
  const { passwordHash: _omit, ...safe } = user;
  return safe;
}
