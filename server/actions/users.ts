"use server";

import type { ActionState } from "@/lib/action-state";
import { banSchema, liftSchema, roleSchema, suspendSchema } from "@/lib/schemas/moderation";
import { requireActionUser } from "../auth/session";
import { invalidateModerationLog, invalidatePostWrite } from "../cache/invalidate";
import { formToObject, invalid, toActionError } from "../errors";
import { banUser, liftRestrictions, setRole, suspendUser } from "../moderation/users";

export async function suspendUserAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const actor = await requireActionUser();
    const parsed = suspendSchema.safeParse(formToObject(form));
    if (!parsed.success) return invalid(parsed.error);
    const { until, reportedPost } = await suspendUser({ actor, ...parsed.data });
    invalidateModerationLog();
    if (reportedPost) invalidatePostWrite(reportedPost);
    return { ok: true, message: `Suspended until ${until.toUTCString()}.` };
  } catch (error) {
    return toActionError(error);
  }
}

export async function banUserAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const actor = await requireActionUser();
    const parsed = banSchema.safeParse(formToObject(form));
    if (!parsed.success) return invalid(parsed.error);
    await banUser({ actor, ...parsed.data });
    invalidateModerationLog();
    return { ok: true, message: "Banned." };
  } catch (error) {
    return toActionError(error);
  }
}

export async function liftRestrictionsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const actor = await requireActionUser();
    const parsed = liftSchema.safeParse(formToObject(form));
    if (!parsed.success) return invalid(parsed.error);
    await liftRestrictions({ actor, ...parsed.data });
    invalidateModerationLog();
    return { ok: true, message: "Suspension and ban lifted." };
  } catch (error) {
    return toActionError(error);
  }
}

export async function setRoleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const actor = await requireActionUser();
    const parsed = roleSchema.safeParse(formToObject(form));
    if (!parsed.success) return invalid(parsed.error);
    const { role } = await setRole({ actor, ...parsed.data });
    invalidateModerationLog();
    return { ok: true, message: `Role set to ${role.toLowerCase()}.` };
  } catch (error) {
    return toActionError(error);
  }
}
