import "server-only";
import type { DbTx } from "../db";
import { AppError } from "../errors";

export const FOLLOW_TARGET_TYPES = ["debate", "subheading", "thread"] as const;
export type FollowTargetType = (typeof FOLLOW_TARGET_TYPES)[number];
export const FOLLOW_LEVELS = ["follow", "mute"] as const;
export type FollowLevel = (typeof FOLLOW_LEVELS)[number];

/**
 * Refuses a target a member cannot follow: a debate or subheading that does not exist or is
 * archived, or a "thread" that is not a top-level contribution readers can see.
 */
export async function assertFollowable(tx: DbTx, targetType: FollowTargetType, targetId: string): Promise<void> {
  const found =
    targetType === "debate"
      ? await tx.debate.findFirst({ where: { id: targetId, archivedAt: null }, select: { id: true } })
      : targetType === "subheading"
        ? await tx.subheading.findFirst({
            where: { id: targetId, archivedAt: null, debate: { archivedAt: null } },
            select: { id: true },
          })
        : await tx.post.findFirst({
            where: { id: targetId, parentId: null, deletedAt: null, hiddenAt: null },
            select: { id: true },
          });
  if (!found) throw new AppError("NOT_FOUND", `That ${targetType} does not exist (any more).`, "targetId");
}
