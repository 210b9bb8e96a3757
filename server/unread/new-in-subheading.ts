import "server-only";
import type { SubheadingUnread } from "@/lib/unread";
import { db } from "../db";
import { AppError } from "../errors";
import { unreadBaseline } from "./baseline";

/** At most this many new posts of one subheading are named to its page; the rest stay new for the next visit. */
export const NEW_POSTS_NAMED = 200;

/**
 * The posts of one subheading that are new to a member, oldest first (their ids, threads and
 * times): the subheading page marks them, offers a jump to the first, and then marks the
 * subheading read up to what it showed.
 */
export async function newInSubheading(
  member: { id: string; createdAt: Date },
  subheadingId: string,
): Promise<SubheadingUnread> {
  const subheading = await db.subheading.findFirst({
    where: { id: subheadingId, archivedAt: null },
    select: { debateId: true },
  });
  if (!subheading) throw new AppError("NOT_FOUND", "There is no such subheading.");
  const mark = await db.readMark.findUnique({
    where: { userId_subheadingId: { userId: member.id, subheadingId } },
    select: { readAt: true },
  });
  const baseline = unreadBaseline(member);
  const since = mark && mark.readAt > baseline ? mark.readAt : baseline;
  const rows = await db.post.findMany({
    where: {
      debateId: subheading.debateId,
      subheadingId,
      createdAt: { gt: since },
      hiddenAt: null,
      deletedAt: null,
      OR: [{ authorId: null }, { authorId: { not: member.id } }],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: NEW_POSTS_NAMED + 1,
    select: { id: true, rootId: true, createdAt: true },
  });
  return {
    since: since.toISOString(),
    posts: rows
      .slice(0, NEW_POSTS_NAMED)
      .map((p) => ({ id: p.id, rootId: p.rootId, createdAt: p.createdAt.toISOString() })),
    more: rows.length > NEW_POSTS_NAMED,
  };
}
