"use client";

import { useCallback, useState } from "react";
import type { LiveEvent } from "@/lib/live-events";
import { lazyComponent } from "../lazy-component";
import { useLiveEvents } from "./use-live-events";

export type NewPostsProps = {
  /** What this page shows: `debate:<id>`, `subheading:<id>` or `thread:<rootId>` (lib/live-events.ts). */
  topic: string;
  /** Count replies only in these threads (the ones this page shows); all when absent. */
  threadIds?: string[];
  /** Whether a new contribution would appear on this page (a subheading's last page); default yes. */
  contributions?: boolean;
};

// The button, and which news it counts, are loaded with the first post event: a reader on a quiet
// page never downloads them, only the listening.
const NewPostsButton = lazyComponent(() => import("./new-posts-button").then((m) => m.NewPostsButton));

/** A post event, as the button needs it (LiveEvent of type "post"). */
export type PostEvent = Extract<LiveEvent, { type: "post" }>;

/**
 * Listens for posts on what this page shows, inside the new posts bar's live region
 * (./new-posts-bar.tsx), and with the first one loads the button, which keeps only others' posts
 * that this page would show.
 */
export function NewPostsWatch(props: NewPostsProps) {
  const [events, setEvents] = useState<PostEvent[]>([]);
  const [maybe, setMaybe] = useState(false);
  const onEvent = useCallback((event: LiveEvent) => {
    if (event.type === "post") setEvents((before) => [...before, event]);
  }, []);
  const onResync = useCallback(() => setMaybe(true), []);
  useLiveEvents([props.topic], onEvent, onResync);
  const clear = useCallback(() => {
    setEvents([]);
    setMaybe(false);
  }, []);
  // Once there has been news, the button stays mounted: it says "shown" after showing.
  const [news, setNews] = useState(false);
  if (!news && (events.length > 0 || maybe)) setNews(true);

  return news && <NewPostsButton {...props} events={events} maybe={maybe} clear={clear} />;
}
