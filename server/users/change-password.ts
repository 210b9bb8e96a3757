import "server-only";
import type { ChangePasswordInput } from "@/lib/schemas/account";
import { hashPassword, isCommonPassword, verifyPassword } from "../auth/password";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { AppError } from "../errors";
import { unseen } from "../write";

/**
 * Changes the member's password after checking the current one, and ends every session they
 * have (sessionVersion), so a stolen session does not outlive the change. Returns the email so
 * the browser can sign straight back in with the new password.
 */
export async function changePassword({
  actor,
  currentPassword,
  newPassword,
}: ChangePasswordInput & { actor: SessionUser }) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { email: true, passwordHash: true },
  });
  if (!user.passwordHash || !user.email)
    throw new AppError("INVALID", "This account signs in through GitHub and has no password to change.");
  if (!(await verifyPassword(user.passwordHash, currentPassword)))
    throw new AppError("INVALID", "That is not your current password.", "currentPassword");
  if (isCommonPassword(newPassword)) {
    throw new AppError(
      "INVALID",
      "That password is one of the most common ones and easy to guess. Choose another.",
      "newPassword",
    );
  }
  if (currentPassword === newPassword)
    throw new AppError("INVALID", "The new password is the same as the current one.", "newPassword");
  await db.user.update({
    where: { id: actor.id },
    data: { passwordHash: await hashPassword(newPassword), sessionVersion: { increment: 1 } },
  });
  return unseen({ email: user.email });
}
