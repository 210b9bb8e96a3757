"use client";

import { useState } from "react";
import { fetchJson, type JsonResult } from "@/lib/fetch-json";
import { MARK_LABELS, isMarkValue, postMarksApi } from "@/lib/marks";

type Marks = { marks: { userId: string; name: string; value: string; at: string }[] };

/** A moderator's view of who marked this post: loaded when opened, never cached. */
export function WhoMarkedList({ postId }: { postId: string }) {
  const [result, setResult] = useState<JsonResult<Marks> | null>(null);
  return (
    <details
      className="mt-4 text-sm"
      onToggle={(e) => {
        if (e.currentTarget.open && !result) void fetchJson<Marks>(postMarksApi(postId)).then(setResult);
      }}
    >
      <summary className="cursor-pointer font-medium">Who marked this post (moderators only)</summary>
      {!result ? (
        <p className="mt-1 text-stone-600 dark:text-stone-400">Loading…</p>
      ) : !result.ok ? (
        <p className="mt-1 text-red-700 dark:text-red-400">{result.error}</p>
      ) : result.data.marks.length === 0 ? (
        <p className="mt-1 text-stone-600 dark:text-stone-400">No marks yet.</p>
      ) : (
        <ul className="mt-1 space-y-0.5">
          {result.data.marks.map((m) => (
            <li key={m.userId}>
              {m.name}: {isMarkValue(m.value) ? MARK_LABELS[m.value] : m.value}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
