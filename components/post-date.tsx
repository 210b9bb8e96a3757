import { formatUtc, formatUtcFull } from "@/lib/utc-format";

/**
 * A date as a <time data-local> (LOCAL_TIME_ATTRIBUTE): the absolute UTC date and time, the same in every cached page; the
 * browser's one localiser (components/local-times.tsx) then shows it in the reader's zone, as
 * "5 minutes ago" within the week. Its text and title change after hydration, hence
 * suppressHydrationWarning; the text stays one string so React never looks for a node it lost.
 */
export function LocalTime({
  date,
  absolute = false,
  className,
}: {
  date: Date;
  /** Always the local date and time, never "3 days ago" (a suspension's end, say). */
  absolute?: boolean;
  className?: string;
}) {
  return (
    <time
      dateTime={date.toISOString()}
      title={formatUtcFull(date)}
      className={className}
      suppressHydrationWarning
      data-local={absolute ? "absolute" : "relative"}
    >
      {formatUtc(date)}
    </time>
  );
}

/** A post's date, or an honest note when the archive did not keep it. */
export function PostDate({ date, known }: { date: Date; known: boolean }) {
  if (!known) return <span>date not preserved</span>;
  return <LocalTime date={date} />;
}
