"use client";

import { useRouter } from "next/navigation";
import { useViewer } from "../use-viewer";
import type { NewPostsProps, PostEvent } from "./new-posts-watch";
import { useEffect, useState, useTransition } from "react";

export type Fresh = { reply: boolean; authorId: string | null };

/** "3 new replies — show them", "1 new contribution — show it", "2 new posts — show them". */
export function newPostsLabel(posts: Fresh[]): string {
  const n = posts.length;
  const replies = posts.filter((p) => p.reply).length;
  const noun =
    replies === n
      ? n === 1
        ? "reply"
        : "replies"
      : replies === 0
        ? n === 1
          ? "contribution"
          : "contributions"
        : "posts";
  return `${n} new ${noun} — show ${n === 1 ? "it" : "them"}`;
}

/**
 * The new posts bar's button (components/live/new-posts-bar.tsx): shows others' new posts in
 * place, by a refresh of the page (already invalidated by the write before the event was sent), so
 * nothing reloads and the browser's scroll anchoring keeps what the reader is reading where it was.
 */
export function NewPostsButton({
  threadIds,
  contributions = true,
  events,
  maybe,
  clear,
}: NewPostsProps & {
  /** Every post event since the page was shown (or last refreshed by this button). */
  events: PostEvent[];
  /** Events may have been missed (a reconnection the server could not replay). */
  maybe: boolean;
  clear: () => void;
}) {
  const { viewer } = useViewer();
  // Others' posts this page would show, once each: replies in its threads (all when it names none),
  // contributions where new ones appear. Not the reader's own: the app shows those once they are sent.
  const others = [
    ...new Map(
      events
        .filter((event) => (event.parentId !== null ? !threadIds || threadIds.includes(event.threadId) : contributions))
        .filter((event) => !viewer || event.authorId !== viewer.id)
        .map((event): [string, Fresh] => [event.postId, { reply: event.parentId !== null, authorId: event.authorId }]),
    ).values(),
  ];
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const label = others.length > 0 ? newPostsLabel(others) : maybe ? "New posts may have arrived — show them" : null;

  // News after "shown": the bar is back, and the old confirmation is gone.
  const [seen, setSeen] = useState(label);
  if (label !== seen) {
    setSeen(label);
    if (label) setDone(null);
  }

  const show = (event: React.MouseEvent<HTMLButtonElement>) => {
    const said = others.length === 1 ? "The new post is shown." : "The new posts are shown.";
    startTransition(() => {
      router.refresh();
      clear();
      setDone(said);
    });
    // The button goes away: keep the keyboard where it was, without scrolling.
    // (The bar's live region, around the button, takes the focus.)
    event.currentTarget.parentElement?.focus({ preventScroll: true });
  };

  useEffect(() => {
    if (!done) return;
    const timer = setTimeout(() => setDone(null), 5_000);
    return () => clearTimeout(timer);
  }, [done]);

  if (label) {
    return (
      <button
        type="button"
        onClick={show}
        disabled={pending}
        className="rounded-full bg-amber-700 px-4 py-2 text-sm font-medium text-white shadow-lg hover:bg-amber-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-700 disabled:opacity-70 dark:bg-amber-500 dark:text-stone-950 dark:hover:bg-amber-400"
      >
        {pending ? "Showing…" : label}
      </button>
    );
  }
  return done ? <span className="sr-only">{done}</span> : null;
}
