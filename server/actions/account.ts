"use server";

import { changePasswordSchema, signUpSchema } from "@/lib/schemas/account";
import { action, publicAction } from "../http/action";
import { changePassword } from "../users/change-password";
import { createUser } from "../users/create-user";
import { signOutEverywhere } from "../users/sign-out-everywhere";
import { z } from "zod";

/** Creates an account; the form then signs in with the same credentials. */
export const signUpAction = publicAction("signUpAction", signUpSchema, createUser, (user) => ({
  id: user.id,
  message: "Account created.",
}));

/** Ends every session of the user, on every device, from their next request on. */
export const signOutEverywhereAction = action(
  "signOutEverywhereAction",
  z.object({}),
  (actor) => signOutEverywhere({ actor }),
  () => ({ message: "Signed out everywhere." }),
);

/** Changes the password; every session, this one included, ends (the form signs back in). */
export const changePasswordAction = action(
  "changePasswordAction",
  changePasswordSchema,
  (actor, input) => changePassword({ actor, ...input }),
  ({ email }) => ({ message: "Your password is changed, and every other session is signed out.", data: { email } }),
);
