"use client";

import { useEffect, useRef } from "react";
import type { LiveEvent } from "@/lib/live-events";
import { liveApi } from "@/lib/shell-paths";

type Subscriber = {
  topics: string[];
  onEvent: (event: LiveEvent) => void;
  onResync?: () => void;
};

/** A tab hidden this long closes its stream; shown again, it reopens where it left off. */
const HIDDEN_CLOSE_MS = 5 * 60_000;
const MAX_BACKOFF_MS = 60_000;

// The page's one EventSource, shared by every subscriber: opened on the union of their topics,
// reopened (from the last event seen) when that union changes. The browser reconnects by itself
// after a dropped connection, sending Last-Event-ID; when the server refuses (503 on shutdown or
// when full) the browser gives up, and this reopens it with a growing, jittered delay. Module
// state rather than a class: the page has one connection, and the minifier shortens these names.
const subscribers = new Set<Subscriber>();
let source: EventSource | null = null;
let topicsKey = "";
/** Closed while the tab is hidden (for long): reopened when it is shown. */
let sleeping = false;
let lastId: string | null = null;
let failures = 0;
let retry: ReturnType<typeof setTimeout> | undefined;
let hiddenTimer: ReturnType<typeof setTimeout> | undefined;
let pending = false;
let listening = false;

function subscribe(subscriber: Subscriber): () => void {
  subscribers.add(subscriber);
  schedule();
  return () => {
    subscribers.delete(subscriber);
    schedule();
  };
}

/** Batches the subscribers mounting in one render into one (re)connection. */
function schedule(): void {
  if (pending) return;
  pending = true;
  queueMicrotask(() => {
    pending = false;
    sync();
  });
}

function sync(): void {
  listenToVisibility();
  if (subscribers.size === 0) return disconnect();
  if (sleeping) return;
  const topics = [...new Set([...subscribers].flatMap((s) => s.topics))].sort();
  const key = topics.join(",");
  if (source && key === topicsKey) return;
  topicsKey = key;
  connect(liveApi(topics, lastId));
}

const seen = (message: MessageEvent<string>) => {
  lastId = message.lastEventId || lastId;
};

function connect(url: string): void {
  disconnect();
  const opened = new EventSource(url);
  source = opened;
  opened.onmessage = (message: MessageEvent<string>) => {
    seen(message);
    let event: LiveEvent;
    try {
      event = JSON.parse(message.data) as LiveEvent;
    } catch {
      return;
    }
    for (const subscriber of [...subscribers]) {
      // A member's own notifications reach every subscriber; posts, those on one of their topics.
      const wanted =
        event.type === "notification" ||
        subscriber.topics.some((topic) =>
          [`debate:${event.debateId}`, `subheading:${event.subheadingId}`, `thread:${event.threadId}`].includes(topic),
        );
      if (wanted) subscriber.onEvent(event);
    }
  };
  opened.addEventListener("ready", (message: MessageEvent<string>) => {
    seen(message);
    failures = 0;
  });
  opened.addEventListener("resync", (message: MessageEvent<string>) => {
    seen(message);
    for (const subscriber of [...subscribers]) subscriber.onResync?.();
  });
  opened.onerror = () => {
    if (opened.readyState !== EventSource.CLOSED || source !== opened) return;
    // Refused (503/429) or not an event stream: the browser will not try again; we do, later.
    failures++;
    const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** failures) * (0.5 + Math.random() / 2);
    retry = setTimeout(() => {
      retry = undefined;
      source = null;
      sync();
    }, delay);
  };
}

function disconnect(): void {
  clearTimeout(retry);
  retry = undefined;
  source?.close();
  source = null;
}

function listenToVisibility(): void {
  if (listening) return;
  listening = true;
  document.addEventListener("visibilitychange", () => {
    if (document.hidden) {
      hiddenTimer ??= setTimeout(() => {
        sleeping = true;
        disconnect();
      }, HIDDEN_CLOSE_MS);
      return;
    }
    clearTimeout(hiddenTimer);
    hiddenTimer = undefined;
    if (sleeping) {
      sleeping = false;
      sync();
    }
  });
}

/**
 * Calls `onEvent` for each live event on `topics` while the component is mounted (and for the
 * signed-in member's own notifications, whatever the topics). `onResync` is called when events may
 * have been missed (a reconnection the server could not replay): refetch what you show. Every
 * caller on a page shares one EventSource to `GET /api/live`. Events only say what changed.
 */
export function useLiveEvents(topics: string[], onEvent: (event: LiveEvent) => void, onResync?: () => void): void {
  const handlers = useRef({ onEvent, onResync });
  useEffect(() => {
    handlers.current = { onEvent, onResync };
  });
  const key = [...topics].sort().join(",");
  useEffect(() => {
    return subscribe({
      topics: key ? key.split(",") : [],
      onEvent: (event) => handlers.current.onEvent(event),
      onResync: () => handlers.current.onResync?.(),
    });
  }, [key]);
}
