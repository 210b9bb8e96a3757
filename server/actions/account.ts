"use server";

import { z } from "zod";
import { changePasswordSchema, signUpFormSchema } from "@/lib/schemas/account";
import { action, publicAction } from "../http/action";
import { clientAddress } from "../http/client-address";
import { changePassword } from "../users/change-password";
import { signOutEverywhere } from "../users/sign-out-everywhere";
import { signUp } from "../users/sign-up";

/**
 * Creates an account; the form then signs in with the same credentials. The answer is the same
 * whether the email was new or already registered (or the honeypot was filled): see signUp.
 */
export const signUpAction = publicAction(
  signUpFormSchema,
  async (input) => signUp({ ...input, address: await clientAddress() }),
  "Account created.",
);

/** Ends every session of the user, on every device, from their next request on. */
export const signOutEverywhereAction = action(z.object({}), signOutEverywhere, "Signed out everywhere.");

/** Changes the password; every other session ends, this one carries on. */
export const changePasswordAction = action(
  changePasswordSchema,
  changePassword,
  "Your password is changed, and every other session is signed out.",
);
