"use server";

import type { ActionState } from "@/lib/action-state";
import {
  dismissReportsSchema,
  hidePostSchema,
  lockSchema,
  movePostSchema,
  pinPostSchema,
  restorePostSchema,
  slowModeSchema,
} from "@/lib/schemas/moderation";
import { postIdSchema } from "@/lib/schemas/post";
import { requireActionUser } from "../auth/session";
import { invalidateDebate, invalidateModerationLog, invalidatePostWrite } from "../cache/invalidate";
import { formToObject, invalid, toActionError } from "../errors";
import { setLocked, setSlowMode } from "../moderation/places";
import { getHiddenPost, hidePost, movePost, restorePost, setPinned } from "../moderation/posts";
import { dismissReports } from "../moderation/reports";

// Moderator tools. Same five steps as every action; the role is checked in server/moderation.

export async function hidePostAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const actor = await requireActionUser();
    const parsed = hidePostSchema.safeParse(formToObject(form));
    if (!parsed.success) return invalid(parsed.error);
    invalidatePostWrite(await hidePost({ actor, ...parsed.data }), { moderated: true });
    return { ok: true, message: "The post is hidden." };
  } catch (error) {
    return toActionError(error);
  }
}

export async function restorePostAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const actor = await requireActionUser();
    const parsed = restorePostSchema.safeParse(formToObject(form));
    if (!parsed.success) return invalid(parsed.error);
    invalidatePostWrite(await restorePost({ actor, ...parsed.data }), { moderated: true });
    return { ok: true, message: "The post is visible again." };
  } catch (error) {
    return toActionError(error);
  }
}

/** A hidden post's content, for the moderator looking at it. Writes nothing. */
export async function getHiddenPostAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const actor = await requireActionUser();
    const parsed = postIdSchema.safeParse(formToObject(form));
    if (!parsed.success) return invalid(parsed.error);
    const post = await getHiddenPost({ actor, ...parsed.data });
    return { ok: true, data: { title: post.title, html: post.bodyHtml } };
  } catch (error) {
    return toActionError(error);
  }
}

export async function movePostAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const actor = await requireActionUser();
    const parsed = movePostSchema.safeParse(formToObject(form));
    if (!parsed.success) return invalid(parsed.error);
    const result = await movePost({ actor, ...parsed.data });
    invalidatePostWrite(result.from, { moderated: true });
    invalidatePostWrite(result.to);
    const replies = result.moved - 1;
    return {
      ok: true,
      message: `Moved the post${replies ? ` and ${replies === 1 ? "its reply" : `its ${replies} replies`}` : ""}.`,
    };
  } catch (error) {
    return toActionError(error);
  }
}

export async function pinPostAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const actor = await requireActionUser();
    const parsed = pinPostSchema.safeParse(formToObject(form));
    if (!parsed.success) return invalid(parsed.error);
    invalidatePostWrite(await setPinned({ actor, ...parsed.data }), { moderated: true });
    return { ok: true, message: parsed.data.pinned ? "Pinned to the top of its subheading." : "Unpinned." };
  } catch (error) {
    return toActionError(error);
  }
}

export async function setLockAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const actor = await requireActionUser();
    const parsed = lockSchema.safeParse(formToObject(form));
    if (!parsed.success) return invalid(parsed.error);
    const { locked, reason, subheadingId, debateId } = parsed.data;
    const place = await setLocked({
      actor,
      place: subheadingId ? { subheadingId } : { debateId: debateId! },
      locked,
      reason,
    });
    invalidateDebate(place.debateId, place.subheadingId ? [place.subheadingId] : []);
    return { ok: true, message: locked ? "Locked: reading goes on, posting is refused." : "Unlocked." };
  } catch (error) {
    return toActionError(error);
  }
}

export async function setSlowModeAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const actor = await requireActionUser();
    const parsed = slowModeSchema.safeParse(formToObject(form));
    if (!parsed.success) return invalid(parsed.error);
    const { seconds, subheadingId, debateId } = parsed.data;
    const place = await setSlowMode({
      actor,
      place: subheadingId ? { subheadingId } : { debateId: debateId! },
      seconds,
    });
    invalidateDebate(place.debateId, place.subheadingId ? [place.subheadingId] : []);
    return {
      ok: true,
      message: seconds ? `Slow mode: ${seconds} seconds between a member's posts.` : "Slow mode is off.",
    };
  } catch (error) {
    return toActionError(error);
  }
}

export async function dismissReportsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const actor = await requireActionUser();
    const parsed = dismissReportsSchema.safeParse(formToObject(form));
    if (!parsed.success) return invalid(parsed.error);
    await dismissReports({ actor, ...parsed.data });
    invalidateModerationLog();
    return { ok: true, message: "Reports dismissed." };
  } catch (error) {
    return toActionError(error);
  }
}
