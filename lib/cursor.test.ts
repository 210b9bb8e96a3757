import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";

describe("cursor", () => {
  it("round-trips a position", () => {
    const cursor = { createdAt: new Date("2011-03-04T05:06:07.089Z"), id: "clx123" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it("is URL-safe", () => {
    const raw = encodeCursor({ createdAt: new Date(), id: "a?b/c+d" });
    expect(raw).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([
    undefined,
    "",
    "not-base64!",
    Buffer.from("{}").toString("base64url"),
    Buffer.from('{"t":"yesterday","i":"x"}').toString("base64url"),
    "x".repeat(500),
  ])("treats %j as no cursor", (raw) => {
    expect(decodeCursor(raw)).toBeNull();
  });
});
