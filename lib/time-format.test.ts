import { describe, expect, it } from "vitest";
import { formatLocal, relativeOrAbsolute } from "./time-format";
import { formatUtc, formatUtcFull } from "./utc-format";

const en = { locale: "en-GB", timeZone: "Europe/London" };
const now = new Date("2026-12-03T14:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const MIN = 60_000;
const HOUR = 60 * MIN;

describe("formatUtc", () => {
  it("reads as a date and a time of day in UTC, whatever the server's zone", () => {
    expect(formatUtc(new Date("2026-12-03T14:00:00Z"))).toBe("3 December 2026, 14:00 UTC");
    expect(formatUtc(new Date("2011-01-01T00:05:00Z"))).toBe("1 January 2011, 00:05 UTC");
    expect(formatUtcFull(new Date("2026-12-03T14:00:00Z"))).toMatch(/^Thursday,? 3 December 2026 at 14:00:00 UTC$/);
  });
});

describe("relativeOrAbsolute", () => {
  it("says minutes within the hour, never 'now' or '0 minutes'", () => {
    expect(relativeOrAbsolute(ago(5 * 1000), now, en)).toBe("1 minute ago");
    expect(relativeOrAbsolute(ago(5 * MIN + 30_000), now, en)).toBe("5 minutes ago");
    expect(relativeOrAbsolute(ago(59 * MIN), now, en)).toBe("59 minutes ago");
    // Another machine's clock a little ahead.
    expect(relativeOrAbsolute(new Date(now.getTime() + 20_000), now, en)).toBe("1 minute ago");
  });

  it("says hours the same day, and late last night", () => {
    expect(relativeOrAbsolute(ago(3 * HOUR), now, en)).toBe("3 hours ago");
    const earlyMorning = new Date("2026-12-03T02:00:00Z");
    expect(relativeOrAbsolute(new Date("2026-12-02T23:00:00Z"), earlyMorning, en)).toBe("3 hours ago");
  });

  it("says yesterday and days ago up to a week, by the reader's calendar", () => {
    expect(relativeOrAbsolute(new Date("2026-12-02T09:00:00Z"), now, en)).toBe("yesterday");
    expect(relativeOrAbsolute(new Date("2026-11-30T16:00:00Z"), now, en)).toBe("3 days ago");
    expect(relativeOrAbsolute(new Date("2026-11-27T09:00:00Z"), now, en)).toBe("6 days ago");
    // In Tokyo (UTC+9) 2 Dec 20:00 UTC is already 3 Dec, the same day as now (23:00 there).
    expect(relativeOrAbsolute(new Date("2026-12-02T20:00:00Z"), now, { locale: "en-GB", timeZone: "Asia/Tokyo" })).toBe(
      "18 hours ago",
    );
  });

  it("gives the local date and time from a week on", () => {
    const old = new Date("2026-11-20T09:30:00Z");
    expect(relativeOrAbsolute(old, now, en)).toBe(formatLocal(old, en));
    expect(relativeOrAbsolute(old, now, en)).toBe("20 Nov 2026, 09:30");
    expect(relativeOrAbsolute(old, now, { locale: "en-US", timeZone: "America/New_York" })).toBe(
      "Nov 20, 2026, 4:30 AM",
    );
  });

  it("speaks the reader's language", () => {
    expect(relativeOrAbsolute(new Date("2026-12-02T09:00:00Z"), now, { locale: "fr", timeZone: "Europe/Paris" })).toBe(
      "hier",
    );
  });
});
