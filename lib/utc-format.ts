// How the server writes a date: in UTC, the same for every reader, so pages stay cached whole (the
// browser then localises each <time>: lib/time-format.ts). Apart from lib/time-format.ts, so the
// browser's script neither carries nor builds these formats.

const utcFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

/** "3 December 2026, 14:00 UTC": what the server renders, and what words like notices say. */
export function formatUtc(date: Date): string {
  return `${utcFormat.format(date).replace(" at ", ", ")} UTC`;
}

const utcFull = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "full",
  timeStyle: "long",
  timeZone: "UTC",
});

/** "Thursday 3 December 2026 at 14:00:00 UTC": the server's title for a <time>. */
export function formatUtcFull(date: Date): string {
  return utcFull.format(date);
}
