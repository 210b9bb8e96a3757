import "server-only";
// The notifications API other parts of the app use (the EMAIL helper reads the Notification table
// directly, never these functions' internals).
export { enqueueNotificationJob, notificationsSettled, notifyAfterCommit, processNotificationJobs } from "./jobs";
export { listNotifications, unreadNotificationCount, type NotificationView } from "./list-notifications";
export { ensureNotificationSweep } from "./sweep";
