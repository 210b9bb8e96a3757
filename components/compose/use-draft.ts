"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export type Draft = {
  title: string;
  body: string;
  subheadingId: string;
  /** Sent with the post: a submission retried after a lost answer makes one post, not two. */
  key: string;
};

const PREFIX = "debate-commons:draft:";

/**
 * What a user types, kept in this browser per form (debate / subheading / parent post, or the
 * post being edited), so a reload or a failed submit loses nothing. Cleared after success.
 */
/** A fresh idempotency key (randomUUID only exists on secure origins). */
export function newDraftKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

export function useDraft(key: string, initial: Omit<Draft, "key">) {
  const [draft, setDraft] = useState<Draft>(() => {
    const fresh = { ...initial, key: typeof window === "undefined" ? "" : newDraftKey() };
    if (typeof window === "undefined") return fresh;
    try {
      const saved = window.localStorage.getItem(PREFIX + key);
      return saved ? { ...fresh, ...(JSON.parse(saved) as Partial<Draft>) } : fresh;
    } catch {
      return fresh;
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
