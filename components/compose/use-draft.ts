"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export type Draft = { title: string; body: string; subheadingId: string };

const PREFIX = "debate-commons:draft:";

/**
 * What a user types, kept in this browser per form (debate / subheading / parent post, or the
 * post being edited), so a reload or a failed submit loses nothing. Cleared after success.
 */
export function useDraft(key: string, initial: Draft) {
  const [draft, setDraft] = useState<Draft>(() => {
    if (typeof window === "undefined") return initial;
    try {
      const saved = window.localStorage.getItem(PREFIX + key);
      return saved ? { ...initial, ...(JSON.parse(saved) as Partial<Draft>) } : initial;
    } catch {
      return initial;
    }
  });
  const cleared = useRef(false);

  // Saved on every change, not debounced: a reload right after typing must not lose anything.
  useEffect(() => {
    if (cleared.current) return;
    try {
      if (draft.body.trim() || draft.title.trim()) window.localStorage.setItem(PREFIX + key, JSON.stringify(draft));
      else window.localStorage.removeItem(PREFIX + key);
    } catch {
      // Storage full or disabled: the form still works, only without drafts.
    }
  }, [draft, key]);

  const clear = useCallback(() => {
    cleared.current = true;
    try {
      window.localStorage.removeItem(PREFIX + key);
    } catch {}
  }, [key]);

  return [draft, setDraft, clear] as const;
}
