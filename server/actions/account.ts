"use server";

import { z } from "zod";
import { changePasswordSchema, signUpSchema } from "@/lib/schemas/account";
import { action, publicAction } from "../http/action";
import { changePassword } from "../users/change-password";
import { createUser } from "../users/create-user";
import { signOutEverywhere } from "../users/sign-out-everywhere";

/** Creates an account; the form then signs in with the same credentials. */
export const signUpAction = publicAction(signUpSchema, createUser, (user) => ({
  id: user.id,
  message: "Account created.",
}));

/** Ends every session of the user, on every device, from their next request on. */
export const signOutEverywhereAction = action(z.object({}), signOutEverywhere, "Signed out everywhere.");

/** Changes the password; every session, this one included, ends (the form signs back in). */
export const changePasswordAction = action(changePasswordSchema, changePassword, ({ email }) => ({
  message: "Your password is changed, and every other session is signed out.",
  data: { email },
}));
