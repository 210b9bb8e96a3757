import "server-only";
import { db } from "../db";

/** Followers read and notified this many at a time (keyset over Follow). */
export const FOLLOWER_BATCH = 500;

export type FollowTarget = { targetType: "debate" | "subheading" | "thread"; targetId: string };

/**
 * The members following any of these places, FOLLOWER_BATCH at a time (keyset over Follow), each
 * batch handed to `each` before the next is read: a debate followed by thousands is never one
 * query. A member following several of the places comes once per place: `each` dedupes.
 */
export async function forEachFollowerBatch(
  targets: FollowTarget[],
  each: (userIds: string[]) => Promise<void>,
): Promise<void> {
  for (const target of targets) {
    let after: string | null = null;
    for (;;) {
      const batch: { id: string; userId: string }[] = await db.follow.findMany({
        where: { ...target, level: "follow", ...(after && { id: { gt: after } }) },
        orderBy: { id: "asc" },
        take: FOLLOWER_BATCH,
        select: { id: true, userId: true },
      });
      if (batch.length === 0) break;
      after = batch.at(-1)!.id;
      await each(batch.map((f) => f.userId));
      if (batch.length < FOLLOWER_BATCH) break;
    }
  }
}

/**
 * Of these members, the ones who may be told about something in these places: members with an
 * account (not archive authors), not banned, not those excluded (who did it), and not muting any
 * of the places: muting wins.
 */
export async function reachable(userIds: string[], excluded: (string | null)[], targets: FollowTarget[]) {
  const ids = [...new Set(userIds)].filter((id) => !excluded.includes(id));
  if (ids.length === 0) return new Set<string>();
  const [members, muting] = await Promise.all([
    db.user.findMany({ where: { id: { in: ids }, importKey: null, bannedAt: null }, select: { id: true } }),
    db.follow.findMany({
      where: { userId: { in: ids }, level: "mute", OR: targets },
      select: { userId: true },
    }),
  ]);
  const muted = new Set(muting.map((m) => m.userId));
  return new Set(members.map((m) => m.id).filter((id) => !muted.has(id)));
}
