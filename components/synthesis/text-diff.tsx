import { diffStats, type DiffPart } from "@/lib/synthesis-diff";
import { pluralize } from "@/lib/text";

/**
 * A word-level diff, drawn on the server: added words in <ins>, removed ones in <del>, each also
 * announced in words (screen readers do not read the elements' meaning), the Markdown's line
 * breaks kept.
 */
export function TextDiff({ parts, label }: { parts: DiffPart[]; label: string }) {
  const { added, removed } = diffStats(parts);
  return (
    <figure className="mt-2">
      <figcaption className="text-sm text-stone-600 dark:text-stone-400">
        {label}: {pluralize(added, "word")} added, {pluralize(removed, "word")} removed.
      </figcaption>
      <div className="mt-1 whitespace-pre-wrap break-words rounded-md border border-stone-200 bg-white p-3 font-mono text-sm dark:border-stone-800 dark:bg-stone-950">
        {parts.length === 0 && <span className="italic text-stone-500">(empty)</span>}
        {parts.map((part, i) =>
          part.kind === "added" ? (
            <ins key={i} className="bg-green-100 text-green-950 no-underline dark:bg-green-900 dark:text-green-50">
              <span className="sr-only">[added: </span>
              {part.text}
              <span className="sr-only">]</span>
            </ins>
          ) : part.kind === "removed" ? (
            <del key={i} className="bg-red-100 text-red-950 dark:bg-red-900 dark:text-red-50">
              <span className="sr-only">[removed: </span>
              {part.text}
              <span className="sr-only">]</span>
            </del>
          ) : (
            <span key={i}>{part.text}</span>
          ),
        )}
      </div>
    </figure>
  );
}
