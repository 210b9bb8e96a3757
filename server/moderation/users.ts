import "server-only";
import type { Role } from "@/generated/prisma/client";
import { cacheTags } from "@/lib/cache-tags";
import { moderateRefusal, restrictRefusal, roleRefusal, type Refusal, type Viewer } from "@/lib/permissions";
import { viewerOf, type SessionUser } from "../auth/session";
import { endSessionsOf } from "../auth/user-sessions";
import { db } from "../db";
import { AppError, enforce } from "../errors";
import { write, type Write } from "../write";
import { logModeration } from "./log";

/** The member an action is aimed at, once the rule for that action allows it. */
async function target(
  { tx }: Write,
  actor: SessionUser,
  userId: string,
  rule: (viewer: Viewer, target: { id: string; role: Role }) => Refusal,
) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, importKey: true } });
  if (!user || user.importKey) throw new AppError("NOT_FOUND", "That member does not exist.");
  enforce(rule(viewerOf(actor), user));
  return user;
}

/**
 * Suspends a member until a date: they keep reading but cannot post, reply, edit, delete or report, from
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
  return write(async (w) => {
    const user = await target(w, actor, userId, restrictRefusal);
    const until = new Date(Date.now() + hours * 3600_000);
    await w.tx.user.update({ where: { id: user.id }, data: { suspendedUntil: until, suspendReason: reason } });
    if (reportPostId) {
      await w.tx.report.updateMany({
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
    await logModeration(w, {
      actorId: actor.id,
      action: "suspend_user",
      reason,
      targetUserId: user.id,
      postId: reportPostId,
      detail: `until ${until.toISOString()}`,
    });
    return { userId: user.id, until };
  });
}

export async function banUser({ actor, userId, reason }: { actor: SessionUser; userId: string; reason: string }) {
  return write(async (w) => {
    const user = await target(w, actor, userId, restrictRefusal);
    await w.tx.user.update({ where: { id: user.id }, data: { bannedAt: new Date(), suspendReason: reason } });
    // Signed out everywhere: whoever holds a session (the member, or someone who took it) loses it.
    await endSessionsOf(w.tx, user.id);
    await logModeration(w, { actorId: actor.id, action: "ban_user", reason, targetUserId: user.id });
    return { userId: user.id };
  });
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
  return write(async (w) => {
    const user = await target(w, actor, userId, restrictRefusal);
    await w.tx.user.update({
      where: { id: user.id },
      data: { bannedAt: null, suspendedUntil: null, suspendReason: null },
    });
    await logModeration(w, { actorId: actor.id, action: "lift_restrictions", reason, targetUserId: user.id });
    return { userId: user.id };
  });
}

/** Admins grant and revoke moderator (and admin). */
export async function setRole({ actor, userId, role }: { actor: SessionUser; userId: string; role: Role }) {
  return write(async (w) => {
    const user = await target(w, actor, userId, roleRefusal);
    await w.tx.user.update({ where: { id: user.id }, data: { role } });
    // Their posts and debates show a staff badge, or no longer do.
    w.touch(cacheTags.author(user.id));
    await logModeration(w, {
      actorId: actor.id,
      action: "set_role",
      targetUserId: user.id,
      detail: role.toLowerCase(),
    });
    return { userId: user.id, role };
  });
}

/** Members for the moderators' user list: newest first, or those whose name or email matches. */
export async function listUsers({ actor, query }: { actor: SessionUser; query: string }) {
  enforce(moderateRefusal(viewerOf(actor)));
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
