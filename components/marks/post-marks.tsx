import { describeMarks, type MarkCounts } from "@/lib/marks";

/**
 * A post's marks as every reader sees them: nothing, "3 marks", or the split from SPLIT_SHOWN_AT.
 * The agree / disagree / pass buttons are not in the cached HTML: the page's one MarksController
 * (marks-controller.tsx) draws them into the post's actions row for a member who may mark, found
 * by this element's data (the post, its author, what the buttons' group is called).
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
  return (
    <p
      data-mark-bar={postId}
      data-author={authorId ?? ""}
      data-label={label}
      className="mt-2 text-sm text-stone-600 empty:hidden dark:text-stone-400"
    >
      {describeMarks(marks) || null}
    </p>
  );
}
