import { requireUser } from "@/server/auth/session";
import { ensureEmailSweep } from "@/server/email/send-pending";
import { jsonRoute } from "@/server/http/json";
import { ensureNotificationSweep, unreadNotificationCount } from "@/server/notifications";

/** The signed-in member's unread notifications, for the bell: `{ unread }`, capped (99 shows as "99+"). */
export async function GET() {
  const response = await jsonRoute(async () => {
    const actor = await requireUser();
    // Every signed-in page asks this: the process's sweep for stranded jobs starts with the first.
    ensureNotificationSweep();
    ensureEmailSweep(); // and, with SMTP_URL, the periodic email sending (digests too)
    return { unread: await unreadNotificationCount(actor.id) };
  });
  response.headers.set("cache-control", "private, no-store");
  return response;
}
