import "server-only";
import { cacheTags } from "@/lib/cache-tags";
import type { MarkValue } from "@/lib/marks";
import { markRefusal } from "@/lib/permissions";
import { viewerOf, type SessionUser } from "../auth/session";
import type { DbTx } from "../db";
import { lockKeys } from "../db-sql";
import { AppError, enforce } from "../errors";
import { write } from "../write";

const COUNTER = { agree: "agreeCount", disagree: "disagreeCount", pass: "passCount" } as const;

/** The tags of every read that shows a post's marks: its thread (permalinks) and its subheading's pages. */
export const markTags = (post: { id: string; rootId: string | null; subheadingId: string }) => [
  cacheTags.thread(post.rootId ?? post.id),
  cacheTags.subheading(post.subheadingId),
];

export async function findMarkable(tx: DbTx, postId: string) {
  const post = await tx.post.findUnique({
    where: { id: postId },
    select: { id: true, authorId: true, rootId: true, subheadingId: true, hiddenAt: true, deletedAt: true },
  });
  if (!post) throw new AppError("NOT_FOUND", "That post does not exist.", "postId");
  const state = post.deletedAt ? ("deleted" as const) : post.hiddenAt ? ("hidden" as const) : ("visible" as const);
  return { ...post, state };
}

/**
 * A member's agree / disagree / pass on a post, or ("none") taking theirs back. One mark per member
 * and post (PostMark's key): a new value replaces the old, and the post's counters move with the
 * mark in the same transaction. Sending what is already stored changes nothing (a retried click).
 * The debate page and the home page show no marks, so a mark touches only the thread and subheading.
 */
export async function markPost({
  actor,
  postId,
  value,
}: {
  actor: SessionUser;
  postId: string;
  value: MarkValue | "none";
}) {
  return write(async (w) => {
    const { tx } = w;
    // One member's two clicks on two instances: the second waits, then sees the first's row.
    await lockKeys(tx, [`mark:${postId}:${actor.id}`]);
    const post = await findMarkable(tx, postId);
    enforce(markRefusal(viewerOf(actor), post));
    const key = { postId_userId: { postId, userId: actor.id } };
    const existing = await tx.postMark.findUnique({ where: key, select: { value: true } });
    const old = existing && existing.value in COUNTER ? (existing.value as MarkValue) : null;
    const next = value === "none" ? null : value;
    if (old === next) return { mark: next };
    if (next === null) await tx.postMark.delete({ where: key });
    else if (existing) await tx.postMark.update({ where: key, data: { value: next } });
    else await tx.postMark.create({ data: { postId, userId: actor.id, value: next } });
    await tx.post.update({
      where: { id: postId },
      data: {
        ...(old && { [COUNTER[old]]: { decrement: 1 } }),
        ...(next && { [COUNTER[next]]: { increment: 1 } }),
        ...(!old && next && { markCount: { increment: 1 } }),
        ...(old && !next && { markCount: { decrement: 1 } }),
      },
    });
    w.touch(...markTags(post));
    return { mark: next };
  });
}
