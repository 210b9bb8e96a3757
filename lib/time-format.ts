// How dates read in the browser. The server renders every date as an absolute UTC date and time
// (lib/utc-format.ts: the same for every reader, so pages stay cached whole); the browser's one
// localiser (components/local-times.tsx) rewrites each <time data-local> with relativeOrAbsolute()
// in the reader's own locale and time zone.

/** The attribute that marks a <time> for the browser's localiser: "relative" (within the week) or "absolute". */
export const LOCAL_TIME_ATTRIBUTE = "data-local";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Whole calendar days between two instants in a time zone (0: the same day). */
function calendarDaysBetween(then: Date, now: Date, timeZone: string | undefined): number {
  const format = new Intl.DateTimeFormat("en", { year: "numeric", month: "numeric", day: "numeric", timeZone });
  const dayNumber = (d: Date) => {
    const { year, month, day } = Object.fromEntries(format.formatToParts(d).map((p) => [p.type, Number(p.value)]));
    return Date.UTC(year!, month! - 1, day) / (24 * HOUR);
  };
  return dayNumber(now) - dayNumber(then);
}

type Options = { locale?: string | string[]; timeZone?: string };

/**
 * What a reader sees for a date: "5 minutes ago", "3 hours ago", "yesterday", "3 days ago"
 * within the last week, and otherwise the local date and time ("3 Dec 2026, 14:00").
 * A date a little in the future (another machine's clock) reads as "1 minute ago".
 */
export function relativeOrAbsolute(date: Date, now: Date, { locale, timeZone }: Options = {}): string {
  const elapsed = Math.max(0, now.getTime() - date.getTime());
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  const always = new Intl.RelativeTimeFormat(locale, { numeric: "always" });
  if (elapsed < HOUR) return always.format(-Math.max(1, Math.floor(elapsed / MINUTE)), "minute");
  const days = calendarDaysBetween(date, now, timeZone);
  // Late last night is "3 hours ago", not "yesterday"; earlier yesterday is "yesterday".
  if (days === 0 || elapsed < 6 * HOUR) return always.format(-Math.floor(elapsed / HOUR), "hour");
  if (days < 7) return relative.format(-days, "day");
  return formatLocal(date, { locale, timeZone });
}

/** The local date and time, medium length: "3 Dec 2026, 14:00". */
export function formatLocal(date: Date, { locale, timeZone }: Options = {}): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);
}

/** The full local timestamp, for a <time>'s title: "Thursday, 3 December 2026 at 14:00:00 GMT". */
export function formatLocalFull(date: Date, { locale, timeZone }: Options = {}): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "long", timeZone }).format(date);
}
