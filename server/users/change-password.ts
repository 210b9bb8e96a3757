import "server-only";
import type { ChangePasswordInput } from "@/lib/schemas/account";
import { hashPassword, isCommonPassword, verifyPassword } from "../auth/password";
import type { SessionUser } from "../auth/session";
import { endSessionsOf } from "../auth/user-sessions";
import { db } from "../db";
import { AppError } from "../errors";
import { write } from "../write";

/**
 * Changes the member's password after checking the current one, and ends every other session they
 * have, so a stolen session does not outlive the change; the one making the change carries on.
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
  const passwordHash = await hashPassword(newPassword);
  // Nothing any page shows changes: write() touches no tag.
  return write(async ({ tx }) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash } });
    await endSessionsOf(tx, actor.id, { except: actor.sessionId });
    return {};
  });
}
