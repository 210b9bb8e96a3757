import { describe, expect, it } from "vitest";
import {
  SESSION_IDLE_MS,
  SESSION_LIFETIME_MS,
  SESSION_TOUCH_MS,
  sessionEnded,
  sessionExpiry,
  sessionNeedsTouch,
} from "./session-lifetime";

const start = new Date("2026-11-23T09:00:00Z");
const at = (ms: number) => new Date(start.getTime() + ms);

describe("session lifetime", () => {
  it("is shorter idle than in all, and both are days, not minutes", () => {
    expect(SESSION_IDLE_MS).toBeLessThan(SESSION_LIFETIME_MS);
    expect(SESSION_TOUCH_MS).toBeLessThan(SESSION_IDLE_MS / 1000);
  });

  it("ends a session unused for the idle timeout, and not a moment before", () => {
    const session = { lastSeenAt: start, expiresAt: sessionExpiry(start) };
    expect(sessionEnded(session, at(SESSION_IDLE_MS - 1))).toBe(false);
    expect(sessionEnded(session, at(SESSION_IDLE_MS))).toBe(true);
  });

  it("ends a session at its absolute expiry, however recently it was used", () => {
    const session = { lastSeenAt: at(SESSION_LIFETIME_MS - 1000), expiresAt: sessionExpiry(start) };
    expect(sessionEnded(session, at(SESSION_LIFETIME_MS - 1))).toBe(false);
    expect(sessionEnded(session, at(SESSION_LIFETIME_MS))).toBe(true);
  });

  it("writes a use down only once per touch interval", () => {
    expect(sessionNeedsTouch({ lastSeenAt: start }, at(SESSION_TOUCH_MS - 1))).toBe(false);
    expect(sessionNeedsTouch({ lastSeenAt: start }, at(SESSION_TOUCH_MS))).toBe(true);
  });
});
