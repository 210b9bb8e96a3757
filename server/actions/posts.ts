"use server";

import type { ActionState } from "@/lib/action-state";
import { renderMarkdown } from "@/lib/markdown";
import { postPath } from "@/lib/paths";
import { createPostSchema, editPostSchema, postIdSchema, previewSchema } from "@/lib/schemas/post";
import { requireActionUser } from "../auth/session";
import { invalidatePostWrite } from "../cache/invalidate";
import { formToObject, invalid, toActionError } from "../errors";
import { createPost } from "../posts/create-post";
import { deletePost, editPost, getPostSource } from "../posts/edit-post";

// Thin wrappers, each the same five steps: authenticate (same-site, signed in), validate,
// authorize + write (in server/posts), invalidate the cache, return a typed result.

export async function createPostAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const actor = await requireActionUser();
    const parsed = createPostSchema.safeParse(formToObject(form));
    if (!parsed.success) return invalid(parsed.error);
    const post = await createPost({ actor, ...parsed.data });
    invalidatePostWrite(post);
    return {
      ok: true,
      id: post.id,
      message: parsed.data.parentId ? "Reply posted." : "Contribution posted.",
      redirectTo: postPath(post.debateSlug, post.id),
    };
  } catch (error) {
    return toActionError(error);
  }
}

export async function editPostAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const actor = await requireActionUser();
    const parsed = editPostSchema.safeParse(formToObject(form));
    if (!parsed.success) return invalid(parsed.error);
    const post = await editPost({ actor, ...parsed.data });
    invalidatePostWrite(post);
    return { ok: true, id: post.id, message: "Your changes are saved." };
  } catch (error) {
    return toActionError(error);
  }
}

export async function deletePostAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const actor = await requireActionUser();
    const parsed = postIdSchema.safeParse(formToObject(form));
    if (!parsed.success) return invalid(parsed.error);
    const post = await deletePost({ actor, ...parsed.data });
    invalidatePostWrite(post);
    return { ok: true, id: post.id, message: "Your post is deleted." };
  } catch (error) {
    return toActionError(error);
  }
}

/** The Markdown of one's own post, to fill the edit form. */
export async function getPostSourceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const actor = await requireActionUser();
    const parsed = postIdSchema.safeParse(formToObject(form));
    if (!parsed.success) return invalid(parsed.error);
    const source = await getPostSource({ actor, ...parsed.data });
    return { ok: true, id: parsed.data.postId, data: source };
  } catch (error) {
    return toActionError(error);
  }
}

/** The Preview tab: the same sanitizing pipeline as the page. Writes nothing. */
export async function previewAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    await requireActionUser();
    const parsed = previewSchema.safeParse(formToObject(form));
    if (!parsed.success) return invalid(parsed.error);
    return { ok: true, data: { html: renderMarkdown(parsed.data.body) } };
  } catch (error) {
    return toActionError(error);
  }
}
