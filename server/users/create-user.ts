import "server-only";
import type { SignUpInput } from "@/lib/schemas/account";
import { isCommonPassword, hashPassword } from "../auth/password";
import { roleForNewAccount } from "../auth/roles";
import { db } from "../db";
import { AppError } from "../errors";
import { unseen } from "../write";
import { claimDisplayName, createWithDisplayName } from "./display-name";
import { claimHandle, HANDLE_TAKEN, handleFor, isHandleClash } from "./handle";

/** Signs a new member up. The input is already validated and the email normalised. */
export async function createUser(
  input: Omit<SignUpInput, "handle"> & { handle?: string; signUpAddrHash?: string | null },
) {
  if (isCommonPassword(input.password)) {
    throw new AppError(
      "INVALID",
      "That password is one of the most common ones and easy to guess. Choose another.",
      "password",
    );
  }
  // Before the email is looked up, so a refused name (or handle: they are public) answers alike
  // whether or not the email has an account.
  await claimDisplayName(db, input.name);
  if (input.handle) await claimHandle(db, input.handle);
  // Hashed before the email is looked up, so an email already registered takes as long to answer.
  const passwordHash = await hashPassword(input.password);
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.", "email");
  try {
    // The name is claimed again in the transaction that stores it: a look-alike may have come meanwhile.
    const user = await createWithDisplayName(input.name, async (tx, named) =>
      tx.user.create({
        data: {
          ...named,
          // Claimed again here (or made from the name): someone may have taken it meanwhile.
          handle: await handleFor(tx, input.handle, named.name),
          email: input.email,
          passwordHash,
          role: roleForNewAccount(input.email),
          signUpAddrHash: input.signUpAddrHash ?? null,
        },
        select: { id: true, name: true, email: true },
      }),
    );
    // A new account shows on no cached page.
    return unseen(user);
  } catch (error) {
    // Two sign-ups with one handle at the same moment, past the lock: the unique index decides.
    if (isHandleClash(error)) throw new AppError("CONFLICT", HANDLE_TAKEN, "handle");
    // Two sign-ups with one email at the same moment: the unique index decides.
    if (error instanceof Error && "code" in error && error.code === "P2002") {
      throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.", "email");
    }
    throw error;
  }
}
