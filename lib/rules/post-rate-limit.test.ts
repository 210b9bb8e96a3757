import { describe, expect, it } from "vitest";
import { POSTING_LIMITS, postingRetryAfter } from "./post-rate-limit";

const now = new Date("2026-01-10T12:00:00Z");
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);
const established = new Date("2025-01-01T00:00:00Z");
const fresh = secondsAgo(3600); // an hour-old account

describe("postingRetryAfter", () => {
  it("lets an established account post up to its per-minute limit", () => {
    const max = POSTING_LIMITS.established[0]!.max;
    expect(
      postingRetryAfter({
        now,
        accountCreatedAt: established,
        recent: Array.from({ length: max - 1 }, (_, i) => secondsAgo(10 + i)),
      }),
    ).toBeNull();
    expect(
      postingRetryAfter({
        now,
        accountCreatedAt: established,
        recent: Array.from({ length: max }, (_, i) => secondsAgo(10 + i)),
      }),
    ).toBe(60 - 10 - (max - 1));
  });

  it("lets a newcomer post a contribution, a reply and a quote-reply in their first minute", () => {
    const justJoined = secondsAgo(60);
    expect(postingRetryAfter({ now, accountCreatedAt: justJoined, recent: [] })).toBeNull();
    expect(postingRetryAfter({ now, accountCreatedAt: justJoined, recent: [secondsAgo(40)] })).toBeNull();
    expect(
      postingRetryAfter({ now, accountCreatedAt: justJoined, recent: [secondsAgo(40), secondsAgo(20)] }),
    ).toBeNull();
    // A fourth in that minute waits until the first leaves the window.
    expect(
      postingRetryAfter({ now, accountCreatedAt: justJoined, recent: [secondsAgo(40), secondsAgo(20), secondsAgo(5)] }),
    ).toBe(20);
  });

  it("is stricter for accounts younger than a day", () => {
    const three = [secondsAgo(20), secondsAgo(30), secondsAgo(45)];
    expect(postingRetryAfter({ now, accountCreatedAt: fresh, recent: three })).toBe(15);
    expect(postingRetryAfter({ now, accountCreatedAt: established, recent: three })).toBeNull();
    expect(POSTING_LIMITS.newAccount).toEqual([
      { seconds: 60, max: 3 },
      { seconds: 3600, max: 10 },
    ]);
  });

  it("bounds a newcomer's first hour at 10 posts however they are spaced", () => {
    const ten = Array.from({ length: 10 }, (_, i) => secondsAgo(3000 - i * 120)); // one every two minutes
    expect(postingRetryAfter({ now, accountCreatedAt: fresh, recent: ten })).toBe(600);
  });

  it("applies the hourly limit too", () => {
    const max = POSTING_LIMITS.established[1]!.max;
    const recent = Array.from({ length: max }, (_, i) => secondsAgo(3000 - i * 10)); // spread over ~50 minutes
    expect(postingRetryAfter({ now, accountCreatedAt: established, recent })).toBe(600);
  });

  it("forgets posts older than the windows", () => {
    expect(postingRetryAfter({ now, accountCreatedAt: fresh, recent: [secondsAgo(61), secondsAgo(4000)] })).toBeNull();
  });
});
