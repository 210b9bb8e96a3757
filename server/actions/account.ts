"use server";

import type { ActionState } from "@/lib/action-state";
import { signUpSchema } from "@/lib/schemas/account";
import { requireActionUser, requireSameOrigin } from "../auth/session";
import { db } from "../db";
import { formToObject, invalid, toActionError } from "../errors";
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
