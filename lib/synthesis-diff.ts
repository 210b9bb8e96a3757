// The word-level difference between two versions of a synthesis (their Markdown), computed on the
// server and shown as <ins>/<del> (components/synthesis/text-diff.tsx). Pure: unit-tested beside it.
import { diffWordsWithSpace } from "diff";

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

/**
 * Edits the diff may explore before giving up (two texts of 20,000 characters that share nothing
 * would otherwise cost seconds): past it, the whole text is shown as replaced.
 */
export const MAX_DIFF_EDITS = 4_000;

/** `before` → `after`, word by word (whitespace and newlines kept), adjacent parts of a kind merged. */
export function wordDiff(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ kind: "same", text: before }] : [];
  const changes = diffWordsWithSpace(before, after, { maxEditLength: MAX_DIFF_EDITS });
  const parts: DiffPart[] = changes
    ? changes.map((c) => ({ kind: c.added ? "added" : c.removed ? "removed" : "same", text: c.value }))
    : [
        { kind: "removed", text: before },
        { kind: "added", text: after },
      ];
  const merged: DiffPart[] = [];
  for (const part of parts) {
    if (!part.text) continue;
    const last = merged[merged.length - 1];
    if (last && last.kind === part.kind) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}

/** How many words a diff adds and removes, for a one-line summary. */
export function diffStats(parts: DiffPart[]): { added: number; removed: number } {
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
  let added = 0;
  let removed = 0;
  for (const p of parts) {
    if (p.kind === "added") added += words(p.text);
    if (p.kind === "removed") removed += words(p.text);
  }
  return { added, removed };
}
