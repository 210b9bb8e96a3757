import "server-only";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { AppError } from "../errors";
import { publishLive } from "../live/publish";
import { unseen } from "../write";

/** Marks one of the member's notifications read; someone else's is "not found", never touched. */
export async function markNotificationRead({ actor, notificationId }: { actor: SessionUser; notificationId: string }) {
  const mine = await db.notification.findFirst({
    where: { id: notificationId, userId: actor.id },
    select: { id: true, readAt: true },
  });
  if (!mine) throw new AppError("NOT_FOUND", "That notification does not exist.");
  if (!mine.readAt)
    await db.notification.updateMany({ where: { id: mine.id, readAt: null }, data: { readAt: new Date() } });
  // Only the member's own bell shows it: no cached read changes. Their other tabs refetch.
  return { ...unseen({ id: mine.id }), after: [() => publishLive({ type: "notification", userId: actor.id })] };
}

/** Marks every unread notification of the member read. */
export async function markAllNotificationsRead({ actor }: { actor: SessionUser }) {
  const { count } = await db.notification.updateMany({
    where: { userId: actor.id, readAt: null },
    data: { readAt: new Date() },
  });
  return { ...unseen({ count }), after: [() => publishLive({ type: "notification", userId: actor.id })] };
}
