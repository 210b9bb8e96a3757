"use server";

import type { ActionState } from "@/lib/action-state";
import { changePasswordSchema, signUpSchema } from "@/lib/schemas/account";
import { requireActionUser, requireSameOrigin } from "../auth/session";
import { db } from "../db";
import { formToObject, invalid, toActionError } from "../errors";
import { changePassword } from "../users/change-password";
import { createUser } from "../users/create-user";

/** Creates an account; the form then signs in with the same credentials. Open to anyone. */
export async function signUpAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    await requireSameOrigin();
    const parsed = signUpSchema.safeParse(formToObject(form));
    if (!parsed.success) return invalid(parsed.error);
    const user = await createUser(parsed.data);
    return { ok: true, id: user.id, message: "Account created." };
  } catch (error) {
    return toActionError(error);
  }
}

/** Ends every session of the user, on every device, from their next request on. */
export async function signOutEverywhereAction(_prev: ActionState, _form: FormData): Promise<ActionState> {
  try {
    const user = await requireActionUser();
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    return { ok: true, message: "Signed out everywhere." };
  } catch (error) {
    return toActionError(error);
  }
}

/** Changes the password; every session, this one included, ends (the form signs back in). */
export async function changePasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const actor = await requireActionUser();
    const parsed = changePasswordSchema.safeParse(formToObject(form));
    if (!parsed.success) return invalid(parsed.error);
    const { email } = await changePassword({ actor, ...parsed.data });
    return { ok: true, message: "Your password is changed, and every other session is signed out.", data: { email } };
  } catch (error) {
    return toActionError(error);
  }
}
