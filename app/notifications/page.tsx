import type { Metadata } from "next";
import Link from "@/components/link";
import { Suspense } from "react";
import { PostDate } from "@/components/post-date";
import { notificationsPath, signInPath } from "@/lib/paths";
import { getCurrentUser } from "@/server/auth/session";
import { listNotifications } from "@/server/notifications";
import { MarkAllRead, NotificationLink } from "./notification-controls";

export const metadata: Metadata = { title: "Notifications", robots: { index: false } };

/** The signed-in member's notifications, newest first, twenty a page (per request, never cached). */
export default function NotificationsPage({ searchParams }: PageProps<"/notifications">) {
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Notifications</h1>
      <Suspense
        fallback={
          <p role="status" className="mt-4 text-stone-500">
            Loading your notifications…
          </p>
        }
      >
        <Notifications searchParams={searchParams} />
      </Suspense>
    </>
  );
}

async function Notifications({ searchParams }: Pick<PageProps<"/notifications">, "searchParams">) {
  const user = await getCurrentUser();
  if (!user) {
    return (
      <p className="mt-4">
        <Link
          href={signInPath(notificationsPath())}
          className="font-medium text-amber-800 underline dark:text-amber-300"
        >
          Sign in
        </Link>{" "}
        to see your notifications.
      </p>
    );
  }
  const before = (await searchParams).before;
  const cursor = typeof before === "string" ? before : null;
  const { items, nextCursor } = await listNotifications(user.id, cursor);
  const anyUnread = items.some((n) => !n.read);

  return (
    <>
      <div className="mt-3 flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-stone-600 dark:text-stone-400">
          Replies, quotes and mentions of you, new posts and changes to the syntheses where you follow, and decisions
          about your posts, your proposed edits or your account.
        </p>
        {anyUnread && <MarkAllRead />}
      </div>
      {items.length === 0 ? (
        <p className="mt-6 text-stone-600 italic dark:text-stone-400">
          {cursor ? "No older notifications." : "No notifications yet."}
        </p>
      ) : (
        <ol className="mt-6 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
          {items.map((n) => (
            <li key={n.id} className={`flex gap-3 px-4 py-3 ${n.read ? "" : "bg-amber-50 dark:bg-amber-950/40"}`}>
              <span
                aria-hidden="true"
                className={`mt-2 h-2 w-2 shrink-0 rounded-full ${n.read ? "bg-transparent" : "bg-amber-700 dark:bg-amber-400"}`}
              />
              <div className="min-w-0 flex-1">
                <p className={n.read ? "" : "font-semibold"}>
                  {!n.read && <span className="sr-only">Unread: </span>}
                  {n.href ? (
                    <NotificationLink id={n.id} href={n.href} read={n.read}>
                      {n.sentence}
                    </NotificationLink>
                  ) : (
                    n.sentence
                  )}
                </p>
                {n.excerpt && <p className="mt-1 truncate text-sm text-stone-600 dark:text-stone-400">{n.excerpt}</p>}
                {n.removed && <p className="mt-1 text-sm italic text-stone-500">This post has since been removed.</p>}
                <p className="mt-1 text-xs text-stone-500">
                  <PostDate date={n.createdAt} known />
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
      {(nextCursor || cursor) && (
        <nav aria-label="Pages of notifications" className="mt-6 flex flex-wrap gap-4">
          {cursor && (
            <Link
              href={notificationsPath()}
              className="rounded border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
            >
              ← Newest
            </Link>
          )}
          {nextCursor && (
            <Link
              href={notificationsPath(nextCursor)}
              className="rounded border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
            >
              Older notifications →
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
