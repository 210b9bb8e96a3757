import "server-only";
import { excerptFromHtml } from "@/lib/text";
import { moderateRefusal, reportRefusal, writeRefusal } from "@/lib/permissions";
import { viewerOf, type SessionUser } from "../auth/session";
import { db } from "../db";
import { AppError, enforce } from "../errors";
import { unseen, write } from "../write";
import { logModeration } from "./log";

/** A member reports a post to the moderators: one open report per member per post. */
export async function reportPost({ actor, postId, reason }: { actor: SessionUser; postId: string; reason: string }) {
  const viewer = viewerOf(actor);
  enforce(writeRefusal(viewer));
  const post = await db.post.findUnique({
    where: { id: postId },
    select: { id: true, deletedAt: true, hiddenAt: true, authorId: true },
  });
  if (!post || post.deletedAt) throw new AppError("NOT_FOUND", "That post does not exist (any more).");
  enforce(reportRefusal(viewer, { authorId: post.authorId, state: post.hiddenAt ? "hidden" : "visible" }), "INVALID");
  try {
    // Reports are for the moderators' queue only: no page anyone reads changes.
    return unseen(await db.report.create({ data: { postId, reporterId: actor.id, reason }, select: { id: true } }));
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "P2002") {
      throw new AppError("CONFLICT", "You have already reported this post; a moderator will look at it.");
    }
    throw error;
  }
}

/** Most posts one request asks about ("You reported this post"): a page's posts, bounded. */
export const REPORTED_ASKED_MAX = 200;

/**
 * Which of these posts the member has an open report on: the per-user part of cached pages, so a
 * post they reported says so. Ids that are not well-formed or beyond the bound are ignored.
 */
export async function listReportedByMe(actorId: string, postIds: string[]): Promise<{ reported: string[] }> {
  const ids = [...new Set(postIds.filter((id) => /^[A-Za-z0-9_-]{1,40}$/.test(id)))].slice(0, REPORTED_ASKED_MAX);
  if (ids.length === 0) return { reported: [] };
  const rows = await db.report.findMany({
    where: { reporterId: actorId, status: "OPEN", postId: { in: ids } },
    select: { postId: true },
    take: REPORTED_ASKED_MAX,
  });
  return { reported: [...new Set(rows.map((r) => r.postId))] };
}

/** Dismisses the open reports on a post: nothing wrong was found. */
export async function dismissReports({
  actor,
  postId,
  reason,
}: {
  actor: SessionUser;
  postId: string;
  reason?: string | null;
}) {
  enforce(moderateRefusal(viewerOf(actor)));
  return write(async (w) => {
    const post = await w.tx.post.findUnique({ where: { id: postId }, select: { debateId: true, subheadingId: true } });
    if (!post) throw new AppError("NOT_FOUND", "That post does not exist.");
    const { count } = await w.tx.report.updateMany({
      where: { postId, status: "OPEN" },
      data: {
        status: "DISMISSED",
        openSlot: null,
        resolvedById: actor.id,
        resolvedAt: new Date(),
        resolution: reason ? `Dismissed: ${reason}` : "Dismissed",
      },
    });
    if (count === 0) throw new AppError("INVALID", "There are no open reports on that post.");
    await logModeration(w, { actorId: actor.id, action: "dismiss_reports", reason, postId, ...post });
    return { postId };
  });
}

/** The queue: reports grouped by post, open ones oldest first, resolved ones newest first. */
export async function listReportQueue({ actor, status }: { actor: SessionUser; status: "open" | "resolved" }) {
  enforce(moderateRefusal(viewerOf(actor)));
  const reports = await db.report.findMany({
    where: status === "open" ? { status: "OPEN" } : { status: { not: "OPEN" } },
    orderBy: [{ createdAt: status === "open" ? "asc" : "desc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      reason: true,
      status: true,
      resolution: true,
      resolvedAt: true,
      createdAt: true,
      reporter: { select: { id: true, name: true } },
      resolvedBy: { select: { name: true } },
      post: {
        select: {
          id: true,
          title: true,
          bodyHtml: true,
          hiddenAt: true,
          hiddenReason: true,
          deletedAt: true,
          createdAt: true,
          author: { select: { id: true, name: true, role: true, handle: true, suspendedUntil: true, bannedAt: true } },
          debate: { select: { slug: true, title: true } },
          subheading: { select: { slug: true, title: true } },
        },
      },
    },
  });
  const byPost = new Map<
    string,
    { post: (typeof reports)[number]["post"] & { excerpt: string }; reports: Omit<(typeof reports)[number], "post">[] }
  >();
  for (const { post, ...report } of reports) {
    const entry = byPost.get(post.id) ?? {
      post: { ...post, excerpt: excerptFromHtml(post.bodyHtml, 400) },
      reports: [],
    };
    entry.reports.push(report);
    byPost.set(post.id, entry);
  }
  return [...byPost.values()];
}
