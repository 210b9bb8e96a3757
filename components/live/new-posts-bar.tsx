"use client";

import { useCallback, useRef, useState } from "react";
import type { LiveEvent } from "@/lib/live-events";
import { lazyComponent } from "../lazy-component";
import { useViewer } from "../use-viewer";
import type { Fresh } from "./new-posts-button";
import { useLiveEvents } from "./use-live-events";

type Props = {
  /** What this page shows: `debate:<id>`, `subheading:<id>` or `thread:<rootId>` (lib/live-events.ts). */
  topic: string;
  /** Count replies only in these threads (the ones this page shows); all when absent. */
  threadIds?: string[];
  /** Whether a new contribution would appear on this page (a subheading's last page); default yes. */
  contributions?: boolean;
};

// The button and what it does are loaded with the first news: a reader on a quiet page never
// downloads them, only the listening.
const NewPostsButton = lazyComponent(() => import("./new-posts-button").then((m) => m.NewPostsButton));

/**
 * A bar that appears when others post on what this page shows, and shows their posts in place
 * when clicked (components/live/new-posts-button.tsx). Fixed at the bottom on phones, sticky at
 * the top of the content on wider screens; a polite live region, there from the start, announces it.
 */
export function NewPostsBar({ topic, threadIds, contributions = true }: Props) {
  const { viewer } = useViewer();
  const [fresh, setFresh] = useState<ReadonlyMap<string, Fresh>>(new Map());
  const [maybe, setMaybe] = useState(false);
  const region = useRef<HTMLDivElement>(null);
  const threadsKey = threadIds?.join(",");

  const onEvent = useCallback(
    (event: LiveEvent) => {
      if (event.type !== "post") return;
      const reply = event.parentId !== null;
      if (reply ? threadsKey !== undefined && !threadsKey.split(",").includes(event.threadId) : !contributions) return;
      setFresh((before) =>
        before.has(event.postId) ? before : new Map(before).set(event.postId, { reply, authorId: event.authorId }),
      );
    },
    [threadsKey, contributions],
  );
  const onResync = useCallback(() => setMaybe(true), []);
  useLiveEvents([topic], onEvent, onResync);
  const clear = useCallback(() => {
    setFresh(new Map());
    setMaybe(false);
  }, []);

  // Not the reader's own posts: the app shows those once they are sent.
  const others = [...fresh.values()].filter((post) => !viewer || post.authorId !== viewer.id);
  // Once there has been news, the button stays mounted: it says "shown" after showing.
  const [news, setNews] = useState(false);
  if (!news && (others.length > 0 || maybe)) setNews(true);

  return (
    <div
      ref={region}
      tabIndex={-1}
      role="status"
      aria-live="polite"
      className="fixed inset-x-0 bottom-3 z-30 flex justify-center px-3 outline-none sm:sticky sm:top-3 sm:bottom-auto sm:h-0 sm:items-start"
    >
      {news && <NewPostsButton others={others} maybe={maybe} clear={clear} region={region} />}
    </div>
  );
}
