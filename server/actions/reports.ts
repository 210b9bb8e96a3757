"use server";

import type { ActionState } from "@/lib/action-state";
import { reportSchema } from "@/lib/schemas/moderation";
import { requireActionUser } from "../auth/session";
import { formToObject, invalid, toActionError } from "../errors";
import { reportPost } from "../moderation/reports";

/** A member reports a post; it goes to the moderators' queue (nothing public changes). */
export async function reportPostAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const actor = await requireActionUser();
    const parsed = reportSchema.safeParse(formToObject(form));
    if (!parsed.success) return invalid(parsed.error);
    await reportPost({ actor, ...parsed.data });
    return { ok: true, message: "Thank you: a moderator will look at it." };
  } catch (error) {
    return toActionError(error);
  }
}
