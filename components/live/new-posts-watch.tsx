"use client";

import { useCallback, useState } from "react";
import type { LiveEvent } from "@/lib/live-events";
import { lazyComponent } from "../lazy-component";
import { useViewer } from "../use-viewer";
import type { Fresh } from "./new-posts-button";
import { useLiveEvents } from "./use-live-events";

export type NewPostsProps = {
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
 * Listens for others' posts on what this page shows, inside the new posts bar's live region
 * (./new-posts-bar.tsx), and with the first news loads the button that shows them.
 */
export function NewPostsWatch({ topic, threadIds, contributions = true }: NewPostsProps) {
  const { viewer } = useViewer();
  const [fresh, setFresh] = useState<ReadonlyMap<string, Fresh>>(new Map());
  const [maybe, setMaybe] = useState(false);
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

  return news && <NewPostsButton others={others} maybe={maybe} clear={clear} />;
}
