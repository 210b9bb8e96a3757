import "server-only";
import { db } from "../db";
import { FOLLOW_TARGET_TYPES, type FollowLevel, type FollowTargetType } from "./targets";

/** Targets one request may ask about (a page shows three at most). */
export const MAX_FOLLOW_TARGETS = 20;

/** What `GET /api/me/follows` answers: the level per "type:id" asked about (absent: neither), and the setting. */
export type FollowStates = { followOwnThreads: boolean; levels: Record<string, FollowLevel> };

/** "debate:<id>" and the like, parsed; anything else is dropped. */
export function parseFollowTargets(raw: string | null): { targetType: FollowTargetType; targetId: string }[] {
  const targets = new Map<string, { targetType: FollowTargetType; targetId: string }>();
  for (const part of (raw ?? "").split(",")) {
    const match = /^(debate|subheading|thread):([A-Za-z0-9_-]{1,64})$/.exec(part.trim());
    if (match && FOLLOW_TARGET_TYPES.includes(match[1] as FollowTargetType)) {
      targets.set(part.trim(), { targetType: match[1] as FollowTargetType, targetId: match[2]! });
    }
    if (targets.size >= MAX_FOLLOW_TARGETS) break;
  }
  return [...targets.values()];
}

/** A member's follow or mute of each target, and whether posting follows a thread for them. */
export async function getFollowStates(
  userId: string,
  targets: { targetType: FollowTargetType; targetId: string }[],
): Promise<FollowStates> {
  const [user, rows] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { followOwnThreads: true } }),
    targets.length
      ? db.follow.findMany({
          where: { userId, OR: targets },
          select: { targetType: true, targetId: true, level: true },
        })
      : [],
  ]);
  const levels: Record<string, FollowLevel> = {};
  for (const row of rows) levels[`${row.targetType}:${row.targetId}`] = row.level as FollowLevel;
  return { followOwnThreads: user?.followOwnThreads ?? true, levels };
}
