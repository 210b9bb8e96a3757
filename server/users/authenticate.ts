import "server-only";
import type { SignInInput } from "@/lib/schemas/account";
import { dummyPasswordHash, verifyPassword } from "../auth/password";
import { isAdminEmail } from "../auth/roles";
import { clearAccountFailures, recordSignInFailure, signInRetryAfter, throttleKeys } from "../auth/throttle";
import { db } from "../db";
import { AppError } from "../errors";

export const WRONG_CREDENTIALS = "Wrong email or password.";

/**
 * Checks an email and password. Every failure says the same thing, whether the account exists,
 * has no password (imported authors, OAuth-only accounts) or the password is wrong; repeated
 * failures from one IP or against one account must wait.
 */
export async function authenticate({ email, password, ip }: SignInInput & { ip: string | null }) {
  const keys = throttleKeys({ ip, email });
  const wait = await signInRetryAfter(db, keys);
  if (wait)
    throw new AppError(
      "RATE_LIMITED",
      `Too many failed attempts. Try again in ${wait} second${wait === 1 ? "" : "s"}.`,
    );

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, role: true, passwordHash: true, sessionVersion: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !user.passwordHash || !ok) {
    await recordSignInFailure(db, keys);
    throw new AppError("UNAUTHENTICATED", WRONG_CREDENTIALS);
  }
  await clearAccountFailures(db, email);
  // An address listed in ADMIN_EMAILS becomes admin when it signs in, not only at sign-up.
  if (user.role !== "ADMIN" && isAdminEmail(email)) {
    await db.user.update({ where: { id: user.id }, data: { role: "ADMIN" } });
    user.role = "ADMIN";
  }
  const { passwordHash: _omit, ...safe } = user;
  return safe;
}
