import { describe, expect, it } from "vitest";
import { excerptFromHtml, pluralize } from "./text";

describe("excerptFromHtml", () => {
  it("strips markup and decodes entities", () => {
    expect(excerptFromHtml("<p>Marx &amp; <strong>p2p</strong>&#39;s &lt;debate&gt;</p>")).toBe(
      "Marx & p2p's <debate>",
    );
  });
  it("cuts long text at a word boundary with an ellipsis", () => {
    const out = excerptFromHtml(`<p>${"word ".repeat(100)}</p>`, 50);
    expect(out.length).toBeLessThanOrEqual(51);
    expect(out.endsWith("word…")).toBe(true);
  });
});

describe("pluralize", () => {
  it("agrees with the count", () => {
    expect(pluralize(1, "reply", "replies")).toBe("1 reply");
    expect(pluralize(0, "reply", "replies")).toBe("0 replies");
    expect(pluralize(1200, "view")).toBe("1,200 views");
  });
});
