import "server-only";
import { postTags } from "@/lib/cache-tags";
import { RENDER_VERSION } from "@/lib/markdown";
import { deleteRefusal, editRefusal } from "@/lib/permissions";
import { POSTING_LOOKBACK_MS, postingRetryAfter } from "@/lib/rules/post-rate-limit";
import type { EditPostInput } from "@/lib/schemas/post";
import { viewerOf, type SessionUser } from "../auth/session";
import { db, type DbTx } from "../db";
import { lockKeys } from "../db-sql";
import { AppError, enforce, RetryLater } from "../errors";
import { renderUserMarkdown } from "../markdown/render-markdown";
import { logModeration } from "../moderation/log";
import { write } from "../write";

const editableSelect = {
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
} as const;

async function findPost(tx: DbTx, postId: string) {
  const post = await tx.post.findUnique({ where: { id: postId }, select: editableSelect });
  if (!post || post.deletedAt) throw new AppError("NOT_FOUND", "That post does not exist (any more).");
  return { ...post, state: post.hiddenAt ? ("hidden" as const) : ("visible" as const) };
}

/** The Markdown of a post the actor may edit, to fill the edit form. */
export async function getPostSource({ actor, postId }: { actor: SessionUser; postId: string }) {
  const post = await findPost(db, postId);
  enforce(editRefusal(viewerOf(actor), post));
  return { title: post.title, body: post.body };
}

/**
 * Refuses an editor who is editing too fast: edits count like posts (lib/rules/post-rate-limit.ts),
 * from the revisions the editor wrote. The original a first edit keeps is dated when it was posted
 * and was counted as a post: it is left out.
 */
async function enforceEditingPace(tx: DbTx, actor: SessionUser, now: Date): Promise<void> {
  const revisions = await tx.postRevision.findMany({
    where: { editorId: actor.id, createdAt: { gt: new Date(now.getTime() - POSTING_LOOKBACK_MS) } },
    select: { createdAt: true, post: { select: { createdAt: true } } },
  });
  const recent = revisions.filter((r) => r.createdAt.getTime() !== r.post.createdAt.getTime()).map((r) => r.createdAt);
  const wait = postingRetryAfter({ now, accountCreatedAt: actor.createdAt, recent });
  if (wait) {
    throw new RetryLater(
      `You are editing quickly. Please wait ${wait} second${wait === 1 ? "" : "s"} before editing again.`,
      wait,
    );
  }
}

/** The post, once the actor may edit it and the edit changes something; its title after the edit. */
async function findEditable(tx: DbTx, actor: SessionUser, { postId, title, body }: EditPostInput) {
  const post = await findPost(tx, postId);
  enforce(editRefusal(viewerOf(actor), post));
  const newTitle = post.parentId ? null : title;
  if (post.body === body && post.title === newTitle) throw new AppError("INVALID", "Nothing has changed.", "body");
  return { post, newTitle };
}

/**
 * Edits a post and keeps the version: the first edit also records the original, so the history
 * shows every version with who wrote it and when. A moderator's edit of someone else's post is
 * logged publicly. Every check runs once before rendering (a refused edit costs no render) and
 * again inside the transaction, where it holds.
 */
export async function editPost({ actor, ...input }: EditPostInput & { actor: SessionUser }) {
  const { postId, body } = input;
  await enforceEditingPace(db, actor, new Date());
  await findEditable(db, actor, input);
  const bodyHtml = await renderUserMarkdown(body, actor.id);
  return write(async (w) => {
    const { tx } = w;
    const now = new Date();
    // The editor's pace, and the post's first revision (the kept original), each counted by one
    // transaction at a time, on whichever instance (lockKeys).
    await lockKeys(tx, [`editing:user:${actor.id}`, `post:${postId}`]);
    await enforceEditingPace(tx, actor, now);
    const { post, newTitle } = await findEditable(tx, actor, input);
    if ((await tx.postRevision.count({ where: { postId } })) === 0) {
      const { authorId: editorId, title: oldTitle, body: oldBody, bodyHtml: oldHtml, createdAt } = post;
      await tx.postRevision.create({
        data: { postId, editorId, title: oldTitle, body: oldBody, bodyHtml: oldHtml, createdAt },
      });
    }
    await tx.postRevision.create({
      data: { postId, editorId: actor.id, title: newTitle, body, bodyHtml, createdAt: now },
    });
    await tx.post.update({
      where: { id: postId },
      data: { title: newTitle, body, bodyHtml, renderVersion: RENDER_VERSION, editedAt: now },
    });
    w.touch(...postTags(post));
    if (actor.id !== post.authorId) {
      const { debateId, subheadingId } = post;
      await logModeration(w, { actorId: actor.id, action: "edit_post", postId, debateId, subheadingId });
    }
    return { id: post.id };
  });
}

/**
 * Withdraws one's own post. It stays as a tombstone ("deleted by its author") so its replies
 * keep their place; its content is no longer shown anywhere.
 */
export async function deletePost({ actor, postId }: { actor: SessionUser; postId: string }) {
  return write(async (w) => {
    const post = await findPost(w.tx, postId);
    enforce(deleteRefusal(viewerOf(actor), post));
    await w.tx.post.update({ where: { id: postId }, data: { deletedAt: new Date() } });
    w.touch(...postTags(post));
    return { id: post.id };
  });
}
