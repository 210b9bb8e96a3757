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

/**
 * The page's one EventSource, shared by every subscriber: opened on the union of their topics,
 * reopened (from the last event seen) when that union changes. The browser reconnects by itself
 * after a dropped connection, sending Last-Event-ID; when the server refuses (503 on shutdown or
 * when full) the browser gives up, and this reopens it with a growing, jittered delay.
 */
class LiveConnection {
  private readonly subscribers = new Set<Subscriber>();
  private source: EventSource | null = null;
  private topicsKey = "";
  /** Closed while the tab is hidden (for long): reopened when it is shown. */
  private sleeping = false;
  private lastId: string | null = null;
  private failures = 0;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private hiddenTimer: ReturnType<typeof setTimeout> | null = null;
  private pending = false;
  private listening = false;

  add(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    this.schedule();
    return () => {
      this.subscribers.delete(subscriber);
      this.schedule();
    };
  }

  /** Batches the subscribers mounting in one render into one (re)connection. */
  private schedule(): void {
    if (this.pending) return;
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      this.sync();
    });
  }

  private sync(): void {
    this.listenToVisibility();
    if (this.subscribers.size === 0) return this.close();
    if (this.sleeping) return;
    const topics = [...new Set([...this.subscribers].flatMap((s) => s.topics))].sort();
    const key = topics.join(",");
    if (this.source && key === this.topicsKey) return;
    this.topicsKey = key;
    this.open(liveApi(topics, this.lastId));
  }

  private open(url: string): void {
    this.close();
    const source = new EventSource(url);
    this.source = source;
    source.onmessage = (message: MessageEvent<string>) => {
      this.lastId = message.lastEventId || this.lastId;
      let event: LiveEvent;
      try {
        event = JSON.parse(message.data) as LiveEvent;
      } catch {
        return;
      }
      for (const subscriber of [...this.subscribers]) {
        // A member's own notifications reach every subscriber; posts, those on one of their topics.
        const wanted =
          event.type === "notification" ||
          subscriber.topics.some((topic) =>
            [`debate:${event.debateId}`, `subheading:${event.subheadingId}`, `thread:${event.threadId}`].includes(
              topic,
            ),
          );
        if (wanted) subscriber.onEvent(event);
      }
    };
    source.addEventListener("ready", (message: MessageEvent<string>) => {
      this.lastId = message.lastEventId || this.lastId;
      this.failures = 0;
    });
    source.addEventListener("resync", (message: MessageEvent<string>) => {
      this.lastId = message.lastEventId || this.lastId;
      for (const subscriber of [...this.subscribers]) subscriber.onResync?.();
    });
    source.onerror = () => {
      if (source.readyState !== EventSource.CLOSED || this.source !== source) return;
      // Refused (503/429) or not an event stream: the browser will not try again; we do, later.
      this.failures++;
      const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** this.failures) * (0.5 + Math.random() / 2);
      this.retry = setTimeout(() => {
        this.retry = null;
        this.source = null;
        this.sync();
      }, delay);
    };
  }

  private close(): void {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    this.source?.close();
    this.source = null;
  }

  private listenToVisibility(): void {
    if (this.listening) return;
    this.listening = true;
    document.addEventListener("visibilitychange", () => {
      if (document.hidden) {
        this.hiddenTimer ??= setTimeout(() => {
          this.sleeping = true;
          this.close();
        }, HIDDEN_CLOSE_MS);
        return;
      }
      if (this.hiddenTimer) clearTimeout(this.hiddenTimer);
      this.hiddenTimer = null;
      if (this.sleeping) {
        this.sleeping = false;
        this.sync();
      }
    });
  }
}

let shared: LiveConnection | null = null;

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
    shared ??= new LiveConnection();
    return shared.add({
      topics: key ? key.split(",") : [],
      onEvent: (event) => handlers.current.onEvent(event),
      onResync: () => handlers.current.onResync?.(),
    });
  }, [key]);
}
