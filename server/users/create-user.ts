import "server-only";
import type { SignUpInput } from "@/lib/schemas/account";
import { isCommonPassword, hashPassword } from "../auth/password";
import { roleForNewAccount } from "../auth/roles";
import { db } from "../db";
import { AppError } from "../errors";
import { unseen } from "../write";

/** Signs a new member up. The input is already validated and the email normalised. */
export async function createUser(input: SignUpInput) {
  if (isCommonPassword(input.password)) {
    throw new AppError(
      "INVALID",
      "That password is one of the most common ones and easy to guess. Choose another.",
      "password",
    );
  }
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.", "email");
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: { name: input.name, email: input.email, passwordHash, role: roleForNewAccount(input.email) },
      select: { id: true, name: true, email: true },
    });
    // A new account shows on no cached page.
    return unseen(user);
  } catch (error) {
    // Two sign-ups with one email at the same moment: the unique index decides.
    if (error instanceof Error && "code" in error && error.code === "P2002") {
      throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.", "email");
    }
    throw error;
  }
}
