import "server-only";
import { RENDER_VERSION, renderMarkdown } from "@/lib/markdown";
import type { EditPostInput } from "@/lib/schemas/post";
import { isModerator } from "../auth/roles";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { AppError } from "../errors";
import { logModeration } from "../moderation/log";
import { assertCanWrite } from "../users/can-write";

/**
 * A post the actor may change: their own visible post, or (moderators) any post that is not
 * deleted. Withdrawing (delete) stays the author's alone.
 */
async function editablePost(actor: SessionUser, postId: string, { moderatorsToo }: { moderatorsToo: boolean }) {
  const post = await db.post.findUnique({
    where: { id: postId },
    select: {
      id: true,
      authorId: true,
      parentId: true,
      title: true,
      body: true,
      bodyHtml: true,
      createdAt: true,
      deletedAt: true,
      hiddenAt: true,
      debateId: true,
      subheadingId: true,
      rootId: true,
      debate: { select: { slug: true } },
    },
  });
  if (!post || post.deletedAt) throw new AppError("NOT_FOUND", "That post does not exist (any more).");
  const asModerator = moderatorsToo && isModerator(actor);
  if (post.authorId !== actor.id && !asModerator)
    throw new AppError("FORBIDDEN", "You can only change your own posts.");
  if (post.hiddenAt && !asModerator)
    throw new AppError("FORBIDDEN", "A moderator has hidden this post, so it can't be changed.");
  return post;
}

/** The Markdown of one's own post, to edit it. */
export async function getPostSource({ actor, postId }: { actor: SessionUser; postId: string }) {
  const post = await editablePost(actor, postId, { moderatorsToo: true });
  return { title: post.title, body: post.body };
}

/**
 * Edits one's own post and keeps the version: the first edit also records the original, so the
 * history shows every version with who wrote it and when.
 */
export async function editPost({ actor, postId, title, body }: EditPostInput & { actor: SessionUser }) {
  assertCanWrite(actor);
  const post = await editablePost(actor, postId, { moderatorsToo: true });
  const newTitle = post.parentId ? null : title;
  if (post.body === body && post.title === newTitle) throw new AppError("INVALID", "Nothing has changed.", "body");
  const bodyHtml = renderMarkdown(body);
  const now = new Date();

  await db.$transaction(async (tx) => {
    const versions = await tx.postRevision.count({ where: { postId } });
    if (versions === 0) {
      await tx.postRevision.create({
        data: {
          postId,
          editorId: post.authorId,
          title: post.title,
          body: post.body,
          bodyHtml: post.bodyHtml,
          createdAt: post.createdAt,
        },
      });
    }
    await tx.postRevision.create({
      data: { postId, editorId: actor.id, title: newTitle, body, bodyHtml, createdAt: now },
    });
    await tx.post.update({
      where: { id: postId },
      data: { title: newTitle, body, bodyHtml, renderVersion: RENDER_VERSION, editedAt: now },
    });
    if (actor.id !== post.authorId) {
      await logModeration(tx, {
        actorId: actor.id,
        action: "edit_post",
        postId,
        debateId: post.debateId,
        subheadingId: post.subheadingId,
      });
    }
  });
  return {
    id: post.id,
    debateId: post.debateId,
    subheadingId: post.subheadingId,
    rootId: post.rootId,
    debateSlug: post.debate.slug,
  };
}

/**
 * Withdraws one's own post. It stays as a tombstone ("deleted by its author") so its replies
 * keep their place; its content is no longer shown anywhere.
 */
export async function deletePost({ actor, postId }: { actor: SessionUser; postId: string }) {
  const post = await editablePost(actor, postId, { moderatorsToo: false });
  await db.post.update({ where: { id: postId }, data: { deletedAt: new Date() } });
  return {
    id: post.id,
    debateId: post.debateId,
    subheadingId: post.subheadingId,
    rootId: post.rootId,
    debateSlug: post.debate.slug,
  };
}
