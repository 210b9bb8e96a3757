"use client";

import { useEffect, useState } from "react";
import { fetchJson } from "@/lib/fetch-json";
import { reportedApi } from "@/lib/paths";

// Which posts of the page this member has reported: every post's action bar asks, and the asks
// of one render are gathered into one request (GET /api/me/reported, no-store), per 200 posts.
const known = new Map<string, boolean>();
const listeners = new Map<string, Set<(reported: boolean) => void>>();
let queued = new Set<string>();
let timer: ReturnType<typeof setTimeout> | null = null;

function settle(postId: string, reported: boolean) {
  known.set(postId, reported);
  for (const listener of listeners.get(postId) ?? []) listener(reported);
}

function flush() {
  timer = null;
  const ids = [...queued];
  queued = new Set();
  for (let i = 0; i < ids.length; i += 200) {
    const batch = ids.slice(i, i + 200);
    void fetchJson<{ reported: string[] }>(reportedApi(batch)).then((result) => {
      if (!result.ok) return; // unknown: the form says so if they report again
      const reported = new Set(result.data.reported);
      for (const id of batch) settle(id, reported.has(id));
    });
  }
}

/** Whether the signed-in member has an open report on this post; and a way to record that they now do. */
export function useReported(postId: string, ask: boolean): [boolean, () => void] {
  const [reported, setReported] = useState(() => known.get(postId) ?? false);
  useEffect(() => {
    if (!ask) return;
    const set = listeners.get(postId) ?? new Set();
    set.add(setReported);
    listeners.set(postId, set);
    // Already known: the state started from it.
    if (!known.has(postId) && !queued.has(postId)) {
      queued.add(postId);
      timer ??= setTimeout(flush, 0);
    }
    return () => {
      set.delete(setReported);
    };
  }, [postId, ask]);
  return [reported, () => settle(postId, true)];
}
