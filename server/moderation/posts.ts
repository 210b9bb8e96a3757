import "server-only";
import { cacheTags, postTags } from "@/lib/cache-tags";
import { canSeeHidden, moderateRefusal } from "@/lib/permissions";
import { viewerOf, type SessionUser } from "../auth/session";
import { db, type DbTx } from "../db";
import { descendantIds } from "../db-sql";
import { AppError, enforce } from "../errors";
import { write } from "../write";
import { logModeration } from "./log";

const postScope = {
  id: true,
  debateId: true,
  subheadingId: true,
  rootId: true,
  parentId: true,
  depth: true,
  hiddenAt: true,
  deletedAt: true,
  pinnedAt: true,
  // postTags: the author's profile lists the post.
  authorId: true,
} as const;

async function findPost(tx: DbTx, postId: string) {
  const post = await tx.post.findUnique({ where: { id: postId }, select: postScope });
  if (!post) throw new AppError("NOT_FOUND", "That post does not exist.");
  return post;
}

const staffOnly = (actor: SessionUser) => enforce(moderateRefusal(viewerOf(actor)));

/** Hides a post from everyone but moderators, with a reason readers see. Resolves its open reports. */
export async function hidePost({ actor, postId, reason }: { actor: SessionUser; postId: string; reason: string }) {
  staffOnly(actor);
  return write(async (w) => {
    const post = await findPost(w.tx, postId);
    if (post.deletedAt) throw new AppError("INVALID", "That post was deleted by its author.");
    const now = new Date();
    await w.tx.post.update({
      where: { id: postId },
      data: { hiddenAt: now, hiddenReason: reason, hiddenById: actor.id },
    });
    await w.tx.report.updateMany({
      where: { postId, status: "OPEN" },
      data: {
        status: "RESOLVED",
        openSlot: null,
        resolvedById: actor.id,
        resolvedAt: now,
        resolution: `Post hidden: ${reason}`,
      },
    });
    w.touch(...postTags(post));
    const { subheadingId, debateId } = post;
    await logModeration(w, { actorId: actor.id, action: "hide_post", reason, postId, subheadingId, debateId });
    return { id: post.id };
  });
}

export async function restorePost({
  actor,
  postId,
  reason,
}: {
  actor: SessionUser;
  postId: string;
  reason?: string | null;
}) {
  staffOnly(actor);
  return write(async (w) => {
    const post = await findPost(w.tx, postId);
    if (!post.hiddenAt) throw new AppError("INVALID", "That post is not hidden.");
    await w.tx.post.update({ where: { id: postId }, data: { hiddenAt: null, hiddenReason: null, hiddenById: null } });
    w.touch(...postTags(post));
    const { subheadingId, debateId } = post;
    await logModeration(w, { actorId: actor.id, action: "restore_post", reason, postId, subheadingId, debateId });
    return { id: post.id };
  });
}

/** A hidden post's content, which moderators still see. */
export async function getHiddenPost({ actor, postId }: { actor: SessionUser; postId: string }) {
  if (!canSeeHidden(viewerOf(actor))) throw new AppError("FORBIDDEN", "Only moderators can see hidden posts.");
  const post = await db.post.findUnique({
    where: { id: postId },
    select: { title: true, bodyHtml: true, hiddenReason: true },
  });
  if (!post) throw new AppError("NOT_FOUND", "That post does not exist.");
  return post;
}

/** Pins a contribution to the top of its subheading, or unpins it. */
export async function setPinned({ actor, postId, pinned }: { actor: SessionUser; postId: string; pinned: boolean }) {
  staffOnly(actor);
  return write(async (w) => {
    const post = await findPost(w.tx, postId);
    if (post.parentId) throw new AppError("INVALID", "Only a top-level contribution can be pinned.");
    await w.tx.post.update({ where: { id: postId }, data: { pinnedAt: pinned ? new Date() : null } });
    w.touch(...postTags(post));
    const { subheadingId, debateId } = post;
    const action = pinned ? "pin_post" : "unpin_post";
    await logModeration(w, { actorId: actor.id, action, postId, subheadingId, debateId });
    return { id: post.id };
  });
}

/**
 * Moves a post with all its replies to another subheading of the same debate, as a top-level
 * contribution there; with the same subheading, makes a reply a top-level contribution in place.
 * Every counter and both subheadings' last activity stay exact.
 */
export async function movePost({
  actor,
  postId,
  toSubheadingId,
  reason,
}: {
  actor: SessionUser;
  postId: string;
  toSubheadingId: string;
  reason?: string | null;
}) {
  staffOnly(actor);
  return write(async (w) => {
    const { tx } = w;
    const post = await findPost(tx, postId);
    const target = await tx.subheading.findUnique({
      where: { id: toSubheadingId },
      select: { id: true, debateId: true, archivedAt: true },
    });
    if (!target || target.debateId !== post.debateId || target.archivedAt) {
      throw new AppError("INVALID", "Choose a subheading of the same debate.", "toSubheadingId");
    }
    if (target.id === post.subheadingId && !post.parentId) {
      throw new AppError("INVALID", "That contribution is already there.", "toSubheadingId");
    }

    const descendants = await descendantIds(tx, post.id, Number.MAX_SAFE_INTEGER);
    const size = 1 + descendants.length;
    const fromId = post.subheadingId;
    // Everything that showed the thread where it was, and everything that shows it where it goes.
    w.touch(...postTags(post), ...postTags({ ...post, subheadingId: target.id, rootId: null }));
    // The profiles listing a moved reply show where it now is.
    const movedAuthors = await tx.post.findMany({
      where: { id: { in: descendants }, authorId: { not: null } },
      distinct: ["authorId"],
      select: { authorId: true },
    });
    w.touch(...movedAuthors.map((p) => cacheTags.person(p.authorId!)));

    // Where it came from, for both notes: the post's own ("moved here from …") and its old place's
    // ("a reply was moved to …", read from PostMove). Both places' tags are touched above.
    const now = new Date();
    const moved = { movedFromSubheadingId: fromId, movedAt: now };
    await tx.postMove.create({
      data: {
        postId: post.id,
        debateId: post.debateId,
        fromSubheadingId: fromId,
        fromParentId: post.parentId,
        toSubheadingId: target.id,
        createdAt: now,
      },
    });

    if (post.parentId) {
      // Detach: the post becomes the root of its own thread, everything below it rises.
      await tx.post.update({ where: { id: post.parentId }, data: { replyCount: { decrement: 1 } } });
      await tx.post.update({
        where: { id: post.id },
        data: { parentId: null, rootId: null, depth: 0, subheadingId: target.id, pinnedAt: null, ...moved },
      });
      if (descendants.length > 0) {
        await tx.post.updateMany({
          where: { id: { in: descendants } },
          data: { rootId: post.id, depth: { decrement: post.depth }, subheadingId: target.id },
        });
      }
      await tx.subheading.update({ where: { id: fromId }, data: { replyCount: { decrement: size } } });
      await tx.subheading.update({
        where: { id: target.id },
        data: { contributionCount: { increment: 1 }, replyCount: { increment: size - 1 } },
      });
      await tx.debate.update({
        where: { id: post.debateId },
        data: { contributionCount: { increment: 1 }, replyCount: { decrement: 1 } },
      });
    } else {
      await tx.post.update({ where: { id: post.id }, data: { subheadingId: target.id, pinnedAt: null, ...moved } });
      if (descendants.length > 0) {
        await tx.post.updateMany({ where: { id: { in: descendants } }, data: { subheadingId: target.id } });
      }
      await tx.subheading.update({
        where: { id: fromId },
        data: { contributionCount: { decrement: 1 }, replyCount: { decrement: size - 1 } },
      });
      await tx.subheading.update({
        where: { id: target.id },
        data: { contributionCount: { increment: 1 }, replyCount: { increment: size - 1 } },
      });
    }
    for (const subheadingId of new Set([fromId, target.id])) {
      const latest = await tx.post.findFirst({
        where: { subheadingId, dateKnown: true },
        orderBy: { createdAt: "desc" },
        select: { createdAt: true },
      });
      await tx.subheading.update({ where: { id: subheadingId }, data: { lastActivityAt: latest?.createdAt ?? null } });
    }
    await logModeration(w, {
      actorId: actor.id,
      action: "move_post",
      reason,
      postId: post.id,
      debateId: post.debateId,
      subheadingId: target.id,
      fromSubheadingId: fromId,
      toSubheadingId: target.id,
      detail: post.parentId ? "made a top-level contribution" : null,
    });
    return { moved: size };
  });
}
