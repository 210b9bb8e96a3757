import "server-only";
import type { Role } from "@/generated/prisma/client";
import type { SessionUser } from "../auth/session";
import { assertAdmin, assertModerator } from "../auth/roles";
import { db } from "../db";
import { AppError } from "../errors";
import { logModeration } from "./log";

async function target(actor: SessionUser, userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, importKey: true, name: true },
  });
  if (!user || user.importKey) throw new AppError("NOT_FOUND", "That member does not exist.");
  if (user.id === actor.id) throw new AppError("INVALID", "You cannot do that to your own account.");
  // Moderators answer to admins: only an admin may restrict a moderator or admin.
  if (user.role !== "MEMBER" && actor.role !== "ADMIN")
    throw new AppError("FORBIDDEN", "Only an admin can restrict a moderator or admin.");
  return user;
}

/**
 * Suspends a member until a date: they keep reading but cannot post, reply, edit or report, from
 * their next request on (every request re-reads these fields), and they see why and until when.
 */
export async function suspendUser({
  actor,
  userId,
  hours,
  reason,
  reportPostId,
}: {
  actor: SessionUser;
  userId: string;
  hours: number;
  reason: string;
  reportPostId?: string | null;
}) {
  assertModerator(actor);
  const user = await target(actor, userId);
  const until = new Date(Date.now() + hours * 3600_000);
  const reported = reportPostId
    ? await db.post.findUnique({
        where: { id: reportPostId },
        select: { id: true, debateId: true, subheadingId: true, rootId: true },
      })
    : null;
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { suspendedUntil: until, suspendReason: reason } });
    if (reportPostId) {
      await tx.report.updateMany({
        where: { postId: reportPostId, status: "OPEN" },
        data: {
          status: "RESOLVED",
          openSlot: null,
          resolvedById: actor.id,
          resolvedAt: new Date(),
          resolution: `Author suspended: ${reason}`,
        },
      });
    }
    await logModeration(tx, {
      actorId: actor.id,
      action: "suspend_user",
      reason,
      targetUserId: user.id,
      postId: reportPostId,
      detail: `until ${until.toISOString()}`,
    });
  });
  // The post whose reports this resolved, so the caller can refresh the pages showing it.
  return { userId: user.id, until, reportedPost: reported };
}

export async function banUser({ actor, userId, reason }: { actor: SessionUser; userId: string; reason: string }) {
  assertModerator(actor);
  const user = await target(actor, userId);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { bannedAt: new Date(), suspendReason: reason } });
    await logModeration(tx, { actorId: actor.id, action: "ban_user", reason, targetUserId: user.id });
  });
  return { userId: user.id };
}

export async function liftRestrictions({
  actor,
  userId,
  reason,
}: {
  actor: SessionUser;
  userId: string;
  reason?: string | null;
}) {
  assertModerator(actor);
  const user = await target(actor, userId);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { bannedAt: null, suspendedUntil: null, suspendReason: null },
    });
    await logModeration(tx, { actorId: actor.id, action: "lift_restrictions", reason, targetUserId: user.id });
  });
  return { userId: user.id };
}

/** Admins grant and revoke moderator (and admin). */
export async function setRole({ actor, userId, role }: { actor: SessionUser; userId: string; role: Role }) {
  assertAdmin(actor);
  const user = await target(actor, userId);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { role } });
    await logModeration(tx, {
      actorId: actor.id,
      action: "set_role",
      targetUserId: user.id,
      detail: role.toLowerCase(),
    });
  });
  return { userId: user.id, role };
}

/** Members for the moderators' user list: newest first, or those whose name or email matches. */
export async function listUsers({ actor, query }: { actor: SessionUser; query: string }) {
  assertModerator(actor);
  const q = query.trim();
  return db.user.findMany({
    where: { importKey: null, ...(q && { OR: [{ name: { contains: q } }, { email: { contains: q.toLowerCase() } }] }) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 50,
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      createdAt: true,
      suspendedUntil: true,
      bannedAt: true,
      suspendReason: true,
    },
  });
}
