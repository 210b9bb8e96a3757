import "server-only";
import type { SessionUser } from "../auth/session";
import { db, type DbTx } from "../db";
import { advanceReadMark } from "../db-sql";
import { AppError } from "../errors";
import { write } from "../write";

/** A mark is never later than now: a clock ahead in the browser (or a forged time) cannot mark future posts read. */
function clamp(upTo: Date, now: Date): Date {
  return upTo.getTime() > now.getTime() ? now : upTo;
}

/**
 * Marks a subheading read up to `upTo`: the member's posts there created at or before it are no
 * longer new. Only a subheading that exists and is not archived; a mark never moves backwards.
 * Nothing a cached page shows changes (marks are only ever read per member), so no tag is touched.
 */
export async function markSubheadingRead(
  tx: DbTx,
  { userId, subheadingId, upTo, now = new Date() }: { userId: string; subheadingId: string; upTo: Date; now?: Date },
): Promise<{ readAt: Date }> {
  const subheading = await tx.subheading.findFirst({
    where: { id: subheadingId, archivedAt: null },
    select: { debateId: true },
  });
  if (!subheading) throw new AppError("NOT_FOUND", "There is no such subheading.");
  await advanceReadMark(tx, { userId, subheadingId, debateId: subheading.debateId, readAt: clamp(upTo, now) });
  const mark = await tx.readMark.findUniqueOrThrow({
    where: { userId_subheadingId: { userId, subheadingId } },
    select: { readAt: true },
  });
  return mark;
}

/** The JSON route's call: one statement, outside any transaction. */
export function markRead(input: { userId: string; subheadingId: string; upTo: Date }): Promise<{ readAt: Date }> {
  return markSubheadingRead(db, input);
}

/**
 * "Mark all as read" on the catch-up page: every open subheading of the debate, up to `upTo` (when
 * the page was rendered, so a post that arrived since stays new).
 */
export async function markDebateRead({ actor, debateId, upTo }: { actor: SessionUser; debateId: string; upTo: Date }) {
  return write(async ({ tx }) => {
    const debate = await tx.debate.findUnique({
      where: { id: debateId },
      select: { subheadings: { where: { archivedAt: null }, select: { id: true } } },
    });
    if (!debate) throw new AppError("NOT_FOUND", "There is no such debate.");
    const now = new Date();
    for (const { id } of debate.subheadings) {
      await advanceReadMark(tx, { userId: actor.id, subheadingId: id, debateId, readAt: clamp(upTo, now) });
    }
    return { marked: debate.subheadings.length };
  });
}
