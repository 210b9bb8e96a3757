import "server-only";
import { isMarkValue, MARKS_QUERY_MAX, type MarkValue } from "@/lib/marks";
import { moderateRefusal } from "@/lib/permissions";
import { viewerOf, type SessionUser } from "../auth/session";
import { db } from "../db";
import { AppError, enforce } from "../errors";

/** Which of these posts (a page's, at most MARKS_QUERY_MAX) the member marked, and how. */
export async function listMyMarks(userId: string, postIds: readonly string[]) {
  if (postIds.length > MARKS_QUERY_MAX) {
    throw new AppError("INVALID", `Ask about at most ${MARKS_QUERY_MAX} posts at once.`);
  }
  const rows = postIds.length
    ? await db.postMark.findMany({
        where: { userId, postId: { in: [...new Set(postIds)] } },
        select: { postId: true, value: true },
      })
    : [];
  const marks: Record<string, MarkValue> = {};
  for (const row of rows) if (isMarkValue(row.value)) marks[row.postId] = row.value;
  return { marks };
}

/**
 * Who marked a post and how, for moderators: marks are counted in public but are not anonymous to
 * the people who look into brigading. Newest first, at most 500.
 */
export async function listPostMarks({ actor, postId }: { actor: SessionUser; postId: string }) {
  enforce(moderateRefusal(viewerOf(actor)));
  const post = await db.post.findUnique({ where: { id: postId }, select: { id: true } });
  if (!post) throw new AppError("NOT_FOUND", "That post does not exist.");
  const rows = await db.postMark.findMany({
    where: { postId },
    orderBy: [{ updatedAt: "desc" }, { userId: "asc" }],
    take: 500,
    select: { value: true, updatedAt: true, user: { select: { id: true, name: true, handle: true } } },
  });
  return {
    marks: rows.map((r) => ({
      userId: r.user.id,
      name: r.user.name,
      handle: r.user.handle,
      value: r.value,
      at: r.updatedAt,
    })),
  };
}
