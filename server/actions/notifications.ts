"use server";

import { z } from "@/lib/schemas/zod";
import { action } from "../http/action";
import { markAllNotificationsRead, markNotificationRead } from "../notifications/mark-read";

/** Marks one of the caller's own notifications read (opening it does this). */
export const markNotificationReadAction = action(
  z.object({ notificationId: z.string().trim().min(1).max(64) }),
  markNotificationRead,
);

/** Marks all the caller's notifications read. */
export const markAllNotificationsReadAction = action(z.object({}), markAllNotificationsRead, ({ count }) => ({
  message: count === 1 ? "1 notification marked read." : `${count} notifications marked read.`,
}));
