"use server";

import type { ActionState } from "@/lib/action-state";
import { debatePath } from "@/lib/paths";
import {
  addSubheadingSchema,
  archiveSubheadingSchema,
  createDebateSchema,
  renameSubheadingSchema,
  reorderSubheadingSchema,
} from "@/lib/schemas/moderation";
import { requireActionUser } from "../auth/session";
import { invalidateDebate } from "../cache/invalidate";
import { createDebate } from "../debates/create-debate";
import { formToObject, invalid, toActionError } from "../errors";
import { addSubheading, renameSubheading, reorderSubheading, setArchived } from "../subheadings/manage-subheadings";

export async function createDebateAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const actor = await requireActionUser();
    const fields = formToObject(form);
    const parsed = createDebateSchema.safeParse({
      ...fields,
      subheadings: form.getAll("subheading").filter((v): v is string => typeof v === "string" && v.trim() !== ""),
    });
    if (!parsed.success) return invalid(parsed.error);
    const debate = await createDebate({ actor, ...parsed.data });
    invalidateDebate(debate.id);
    return { ok: true, id: debate.id, message: "The debate is open.", redirectTo: debatePath(debate.slug) };
  } catch (error) {
    return toActionError(error);
  }
}

export async function addSubheadingAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const actor = await requireActionUser();
    const parsed = addSubheadingSchema.safeParse(formToObject(form));
    if (!parsed.success) return invalid(parsed.error);
    const subheading = await addSubheading({ actor, ...parsed.data });
    invalidateDebate(subheading.debateId, [subheading.id]);
    return { ok: true, id: subheading.id, message: "Subheading added." };
  } catch (error) {
    return toActionError(error);
  }
}

export async function renameSubheadingAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const actor = await requireActionUser();
    const parsed = renameSubheadingSchema.safeParse(formToObject(form));
    if (!parsed.success) return invalid(parsed.error);
    const subheading = await renameSubheading({ actor, ...parsed.data });
    invalidateDebate(subheading.debateId, [subheading.id]);
    return { ok: true, id: subheading.id, message: "Renamed; the old address still leads here." };
  } catch (error) {
    return toActionError(error);
  }
}

export async function reorderSubheadingAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const actor = await requireActionUser();
    const parsed = reorderSubheadingSchema.safeParse(formToObject(form));
    if (!parsed.success) return invalid(parsed.error);
    const subheading = await reorderSubheading({ actor, ...parsed.data });
    invalidateDebate(subheading.debateId);
    return { ok: true, id: subheading.id };
  } catch (error) {
    return toActionError(error);
  }
}

export async function archiveSubheadingAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const actor = await requireActionUser();
    const parsed = archiveSubheadingSchema.safeParse(formToObject(form));
    if (!parsed.success) return invalid(parsed.error);
    const subheading = await setArchived({ actor, ...parsed.data });
    invalidateDebate(subheading.debateId, [subheading.id]);
    return { ok: true, id: subheading.id, message: parsed.data.archived ? "Archived." : "Restored." };
  } catch (error) {
    return toActionError(error);
  }
}
