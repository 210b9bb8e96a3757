"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import type { LiveEvent } from "@/lib/live-events";
import { useViewer } from "../use-viewer";
import { useLiveEvents } from "./use-live-events";

type Props = {
  /** What this page shows: `debate:<id>`, `subheading:<id>` or `thread:<rootId>` (lib/live-events.ts). */
  topic: string;
  /** Count replies only in these threads (the ones this page shows); all when absent. */
  threadIds?: string[];
  /** Whether a new contribution would appear on this page (a subheading's last page); default yes. */
  contributions?: boolean;
};

type Fresh = { reply: boolean; authorId: string | null };

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
 * A bar that appears when others post on what this page shows, and shows their posts in place
 * when clicked: a refresh of the page (already invalidated by the write before the event was
 * sent), so nothing reloads and the browser's scroll anchoring keeps what the reader is reading
 * where it was. Fixed at the bottom on phones, sticky at the top of the content on wider screens;
 * a polite live region announces it.
 */
export function NewPostsBar({ topic, threadIds, contributions = true }: Props) {
  const router = useRouter();
  const { viewer } = useViewer();
  const [fresh, setFresh] = useState<ReadonlyMap<string, Fresh>>(new Map());
  const [maybe, setMaybe] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const region = useRef<HTMLDivElement>(null);
  const threadsKey = threadIds?.join(",");

  const onEvent = useCallback(
    (event: LiveEvent) => {
      if (event.type !== "post") return;
      const reply = event.parentId !== null;
      if (reply ? threadsKey !== undefined && !threadsKey.split(",").includes(event.threadId) : !contributions) return;
      setDone(null);
      setFresh((before) =>
        before.has(event.postId) ? before : new Map(before).set(event.postId, { reply, authorId: event.authorId }),
      );
    },
    [threadsKey, contributions],
  );
  const onResync = useCallback(() => setMaybe(true), []);
  useLiveEvents([topic], onEvent, onResync);

  // Not the reader's own posts: the app shows those once they are sent.
  const others = [...fresh.values()].filter((post) => !viewer || post.authorId !== viewer.id);
  const label = others.length > 0 ? newPostsLabel(others) : maybe ? "New posts may have arrived — show them" : null;

  const show = () => {
    const said = others.length === 1 ? "The new post is shown." : "The new posts are shown.";
    startTransition(() => {
      router.refresh();
      setFresh(new Map());
      setMaybe(false);
      setDone(said);
    });
    // The button goes away: keep the keyboard where it was, without scrolling.
    region.current?.focus({ preventScroll: true });
  };

  useEffect(() => {
    if (!done) return;
    const timer = setTimeout(() => setDone(null), 5_000);
    return () => clearTimeout(timer);
  }, [done]);

  return (
    <div
      ref={region}
      tabIndex={-1}
      role="status"
      aria-live="polite"
      className="fixed inset-x-0 bottom-3 z-30 flex justify-center px-3 outline-none sm:sticky sm:top-3 sm:bottom-auto sm:h-0 sm:items-start"
    >
      {label && (
        <button
          type="button"
          onClick={show}
          disabled={pending}
          className="rounded-full bg-amber-700 px-4 py-2 text-sm font-medium text-white shadow-lg hover:bg-amber-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-700 disabled:opacity-70 dark:bg-amber-500 dark:text-stone-950 dark:hover:bg-amber-400"
        >
          {pending ? "Showing…" : label}
        </button>
      )}
      {!label && done && <span className="sr-only">{done}</span>}
    </div>
  );
}
