"use client";

import { lazyForMembers } from "@/components/lazy-component";

/** Sent on `window` by what marks notifications read on this page, so the bell counts again at once. */
export const NOTIFICATIONS_CHANGED = "debate-commons:notifications-changed";

// The bell's count, live updates and polling are loaded only once the session says a member is
// signed in: a reader, who has no bell, never downloads them. Until then, a box of the bell's size
// keeps the header from moving.
/** The header's bell: a link to /notifications with the unread count, for signed-in members only. */
export const NotificationBell = lazyForMembers(
  () => import("./notification-bell-live").then((m) => m.LiveNotificationBell),
  undefined,
  <span aria-hidden="true" className="inline-block h-8 w-8" />,
);
