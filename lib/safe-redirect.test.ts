import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-redirect";

describe("safeCallbackPath", () => {
  it("keeps a path on this site, with its query and hash", () => {
    expect(safeCallbackPath("/debates/p2p-and-marxism/the-commons?x=1#post-1")).toBe(
      "/debates/p2p-and-marxism/the-commons?x=1#post-1",
    );
  });
  it.each([
    "https://evil.example/",
    "//evil.example/x",
    "/\\evil.example",
    "javascript:alert(1)",
    "",
    null,
    undefined,
    "debates",
    "/api/auth/signout",
  ])("refuses %j", (raw) => {
    expect(safeCallbackPath(raw)).toBe("/");
  });
});
