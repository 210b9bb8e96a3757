const formatter = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

export function formatDate(date: Date): string {
  return formatter.format(date);
}

/** A date as a <time>, or an honest note when the archive did not keep it. */
export function PostDate({ date, known }: { date: Date; known: boolean }) {
  if (!known) return <span>date not preserved</span>;
  return <time dateTime={date.toISOString()}>{formatDate(date)}</time>;
}
