import { describeMarks, MARK_LABELS, MARK_VALUES, type MarkCounts } from "@/lib/marks";

/**
 * A post's marks as every reader sees them (nothing, "3 marks", or the split from SPLIT_SHOWN_AT),
 * and its agree / disagree / pass buttons, hidden in the cached HTML: the page's one MarksController
 * (marks-controller.tsx) shows them to a member who may mark, presses theirs and sends their clicks.
 */
export function PostMarks({
  postId,
  authorId,
  marks,
  label,
}: {
  postId: string;
  authorId: string | null;
  marks: MarkCounts;
  label: string;
}) {
  const said = describeMarks(marks);
  return (
    <div data-mark-bar={postId} data-author={authorId ?? ""} className="mt-2 flex flex-wrap items-center gap-2 text-sm">
      <div data-mark-buttons="" role="group" aria-label={`Your mark on the ${label}`} hidden className="flex gap-1">
        {MARK_VALUES.map((value) => (
          <button
            key={value}
            type="button"
            data-mark-value={value}
            aria-pressed="false"
            className="rounded border border-stone-300 px-2 py-0.5 text-stone-700 hover:bg-stone-100 aria-pressed:border-amber-700 aria-pressed:bg-amber-100 aria-pressed:text-amber-950 dark:border-stone-700 dark:text-stone-300 dark:hover:bg-stone-800 dark:aria-pressed:bg-amber-900 dark:aria-pressed:text-amber-50"
          >
            {MARK_LABELS[value]}
          </button>
        ))}
      </div>
      {said && <span className="text-stone-600 dark:text-stone-400">{said}</span>}
      <span data-mark-status="" role="status" className="text-stone-700 empty:hidden dark:text-stone-300" />
    </div>
  );
}
