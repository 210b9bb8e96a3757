import { describe, expect, it } from "vitest";
import { isValidSubheadingSlug } from "./slug";
import { MAX_QUOTE_CARDS } from "./synthesis";
import { cardPostIds, splitForCards } from "./synthesis-cards";

describe("splitForCards", () => {
  it("turns a permalink alone on its line into a card, and leaves links within a sentence alone", () => {
    const html = [
      "<p>Intro.</p>",
      '<p><a href="/debates/x/posts/abc123#post-abc123">see</a></p>',
      '<p><a href="https://example.org/debates/x/posts/def456" rel="nofollow ugc noopener">https://example.org/debates/x/posts/def456</a></p>',
      '<p>Inline <a href="/debates/x/posts/ghi">link</a> here.</p>',
    ].join("\n");
    const pieces = splitForCards(html);
    expect(pieces.map((p) => p.kind)).toEqual(["html", "card", "html", "card", "html"]);
    expect(cardPostIds(pieces)).toEqual(["abc123", "def456"]);
    // Nothing is lost: the pieces put back together are the HTML.
    expect(pieces.map((p) => p.html).join("")).toBe(html);
  });

  it("draws at most MAX_QUOTE_CARDS cards; the rest stay links", () => {
    const html = Array.from({ length: 30 }, (_, i) => `<p><a href="/debates/x/posts/p${i}">p${i}</a></p>`).join("");
    const pieces = splitForCards(html);
    expect(pieces.filter((p) => p.kind === "card")).toHaveLength(MAX_QUOTE_CARDS);
    expect(pieces.map((p) => p.html).join("")).toBe(html);
  });
});

describe("the synthesis page's address", () => {
  it("is a reserved subheading slug", () => {
    expect(isValidSubheadingSlug("synthesis")).toBe(false);
  });
});
