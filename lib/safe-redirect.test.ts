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

  // Each of these passed the checks on the raw value, then normalised to "//evil.example", which a
  // browser follows to another site (issue 8, finding 2).
  it.each([
    "/.//evil.example",
    "/..//evil.example",
    "/%2e//evil.example",
    "/%2E%2E//evil.example",
    "/x/..//evil.example",
    "/./\\evil.example",
    "/x/../\\evil.example",
    "/.//evil.example/path?q=1#h",
  ])("refuses %j, which normalises to another site", (raw) => {
    const result = safeCallbackPath(raw);
    expect(result).toBe("/");
    expect(new URL(result, "https://debates.example").origin).toBe("https://debates.example");
  });

  it("keeps a path whose dots resolve on this site", () => {
    expect(safeCallbackPath("/debates/./p2p-and-marxism/../p2p-and-marxism")).toBe("/debates/p2p-and-marxism");
  });
});
