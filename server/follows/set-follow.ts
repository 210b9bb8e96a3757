import "server-only";
import type { SessionUser } from "../auth/session";
import { db, type DbTx } from "../db";
import { unseen } from "../write";
import { assertFollowable, type FollowLevel, type FollowTargetType } from "./targets";

/**
 * Follows or mutes a debate, a subheading or a thread (its top-level post), or stops either
 * ("none"). Any signed-in member, suspended ones too: it is their own preference, shown to nobody.
 */
export async function setFollow({
  actor,
  targetType,
  targetId,
  level,
}: {
  actor: SessionUser;
  targetType: FollowTargetType;
  targetId: string;
  level: FollowLevel | "none";
}) {
  const key = { userId_targetType_targetId: { userId: actor.id, targetType, targetId } };
  if (level === "none") {
    await db.follow.deleteMany({ where: { userId: actor.id, targetType, targetId } });
    return unseen({ level });
  }
  await assertFollowable(db, targetType, targetId);
  await db.follow.upsert({
    where: key,
    create: { userId: actor.id, targetType, targetId, level },
    update: { level },
  });
  return unseen({ level });
}

/**
 * Posting in a thread follows it (inside createPost's transaction), unless the member turned that
 * off or already follows or mutes it: a mute is never undone by posting.
 */
export async function followOwnThread(tx: DbTx, userId: string, threadId: string): Promise<void> {
  const member = await tx.user.findUnique({ where: { id: userId }, select: { followOwnThreads: true } });
  if (!member?.followOwnThreads) return;
  await tx.follow.upsert({
    where: { userId_targetType_targetId: { userId, targetType: "thread", targetId: threadId } },
    create: { userId, targetType: "thread", targetId: threadId, level: "follow" },
    update: {},
  });
}

/** The account setting "Follow threads I post in". */
export async function setFollowOwnThreads({
  actor,
  followOwnThreads,
}: {
  actor: SessionUser;
  followOwnThreads: boolean;
}) {
  await db.user.update({ where: { id: actor.id }, data: { followOwnThreads } });
  return unseen({ followOwnThreads });
}
