"use client";

import Link from "@/components/link";
import { useCallback, useEffect, useState } from "react";
import { useLiveEvents } from "@/components/live/use-live-events";
import { fetchJson } from "@/lib/fetch-json";
import { notificationCountApi, notificationsPath } from "@/lib/paths";
import { NOTIFICATIONS_CHANGED } from "./notification-bell";
import { useViewer } from "./use-viewer";

/** Besides live events and window focus: a slow poll, in case the live stream is down. */
const POLL_MS = 30_000;

/**
 * The header's bell for a signed-in member (components/notification-bell.tsx loads it only for them):
 * a link to /notifications with the unread count.
 * The count comes from a small per-user route (pages stay cached and the same for everyone), and
 * is asked again when the live stream says the member has news, when the window regains focus,
 * when this page marked some read, and every 30 seconds while the page is visible.
 */
export function LiveNotificationBell() {
  const userId = useViewer().viewer?.id ?? "";
  const [unread, setUnread] = useState<number | null>(null);

  const refresh = useCallback(() => {
    void fetchJson<{ unread: number }>(notificationCountApi(), { cache: "no-store" }).then((result) => {
      if (result.ok) setUnread(result.data.unread);
    });
  }, []);

  useEffect(() => {
    refresh();
    const onFocus = () => refresh();
    const onVisible = () => document.visibilityState === "visible" && refresh();
    window.addEventListener("focus", onFocus);
    window.addEventListener(NOTIFICATIONS_CHANGED, onFocus);
    document.addEventListener("visibilitychange", onVisible);
    const poll = setInterval(() => document.visibilityState === "visible" && refresh(), POLL_MS);
    return () => {
      window.removeEventListener("focus", onFocus);
      window.removeEventListener(NOTIFICATIONS_CHANGED, onFocus);
      document.removeEventListener("visibilitychange", onVisible);
      clearInterval(poll);
    };
  }, [refresh]);

  const count = unread ?? 0;
  const shown = count > 99 ? "99+" : String(count);
  const label = count === 0 ? "Notifications, none unread" : `${shown} unread notification${count === 1 ? "" : "s"}`;
  return (
    <>
      <MemberNews userId={userId} onNews={refresh} />
      <Link href={notificationsPath()} aria-label={label} title={label} className="header-button relative w-8">
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="h-5 w-5"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
        >
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinejoin="round" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" />
        </svg>
        {count > 0 && (
          <span
            aria-hidden="true"
            className="absolute -right-1 -top-1 min-w-[1.25rem] rounded-full bg-amber-700 px-1 text-center text-xs font-semibold leading-5 text-white dark:bg-amber-500 dark:text-stone-950"
          >
            {shown}
          </span>
        )}
      </Link>
    </>
  );
}

/**
 * Listens for the member's own news on the page's live stream, only while signed in (the stream
 * adds the member's `user:` topic by itself, from the session: no topic to ask for here).
 */
function MemberNews({ userId, onNews }: { userId: string; onNews: () => void }) {
  useLiveEvents(
    [],
    (event) => {
      if (event.type === "notification" && event.userId === userId) onNews();
    },
    onNews, // events may have been missed: count again
  );
  return null;
}
