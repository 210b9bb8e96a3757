"use client";

import Link from "@/components/link";
import { useRouter } from "next/navigation";
import { useTransition, type MouseEvent, type ReactNode } from "react";
import { ActionForm } from "@/components/action-form";
import { NOTIFICATIONS_CHANGED } from "@/components/notification-bell";
import { initialActionState, unreachable } from "@/lib/action-state";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/server/actions/notifications";

const changed = () => window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));

function markRead(id: string) {
  const form = new FormData();
  form.set("notificationId", id);
  return markNotificationReadAction(initialActionState, form).catch(unreachable);
}

/**
 * A notification's link to the post: opening it (click, Enter) marks it read first, then goes
 * there. A click that opens a new tab (modifier keys, middle button) marks it read on the way.
 */
export function NotificationLink({
  id,
  href,
  read,
  children,
}: {
  id: string;
  href: string;
  read: boolean;
  children: ReactNode;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  function open(event: MouseEvent<HTMLAnchorElement>) {
    if (read) return;
    const newTab = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0;
    if (newTab) {
      void markRead(id).then(changed);
      return;
    }
    event.preventDefault();
    start(async () => {
      await markRead(id);
      changed();
      router.push(href);
    });
  }
  return (
    <Link
      href={href}
      onClick={open}
      aria-busy={pending || undefined}
      className="underline decoration-stone-300 underline-offset-2 hover:decoration-current dark:decoration-stone-600"
    >
      {children}
    </Link>
  );
}

/** "Mark all read": the page refreshes, and the bell counts again. */
export function MarkAllRead() {
  return (
    <ActionForm
      action={markAllNotificationsReadAction}
      submitLabel="Mark all read"
      pendingLabel="Marking…"
      label="Mark all notifications read"
      onDone={changed}
    />
  );
}
