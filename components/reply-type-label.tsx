import { describeTypeCounts, REPLY_TYPE_LABELS, type ReplyType, type ReplyTypeCounts } from "@/lib/reply-types";

/** How a reply relates to the post it answers, as a small label beside its author (server-rendered). */
export function ReplyTypeLabel({ type }: { type: ReplyType }) {
  return (
    <span className="rounded border border-sky-300 bg-sky-50 px-1.5 text-xs font-semibold text-sky-900 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-200">
      <span className="sr-only">Reply type: </span>
      {REPLY_TYPE_LABELS[type]}
    </span>
  );
}

/** The line at the top of a thread: "3 challenges, 2 questions (1 open)"; nothing when no reply said. */
export function ThreadTypeSummary({
  counts,
  className = "",
}: {
  counts: ReplyTypeCounts | undefined;
  className?: string;
}) {
  const line = describeTypeCounts(counts);
  if (!line) return null;
  return (
    <p className={`text-sm text-stone-700 dark:text-stone-300 ${className}`}>
      <span className="font-medium">In this thread:</span> {line}
    </p>
  );
}
