import { describe, expect, it } from "vitest";
import { highlightHtml, MARK_END, MARK_START } from "./highlight";

const m = (text: string) => `${MARK_START}${text}${MARK_END}`;

describe("highlightHtml", () => {
  it("escapes the text and adds only <mark>", () => {
    expect(highlightHtml(`<script>alert("x")</script> & ${m("commons")} 'q'`)).toBe(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <mark>commons</mark> &#39;q&#39;",
    );
  });

  it("escapes markup inside a match too", () => {
    expect(highlightHtml(m("<b>"))).toBe("<mark>&lt;b&gt;</mark>");
  });

  it("always gives well-formed marks, whatever control characters the post held", () => {
    expect(highlightHtml(`a ${MARK_START}b`)).toBe("a <mark>b</mark>");
    expect(highlightHtml(`a${MARK_END} b`)).toBe("a b");
    expect(highlightHtml(`${MARK_START}${MARK_START}x${MARK_END}${MARK_END}`)).toBe("<mark>x</mark>");
    expect(highlightHtml(`${MARK_START}${MARK_END}`)).toBe("");
  });

  it("reads Markdown as text: link targets, emphasis and block markers go", () => {
    expect(highlightHtml(`> **Bold** and [a ${m("link")}](https://example.org/x) in 2011. Then`)).toBe(
      "Bold and a <mark>link</mark> in 2011. Then",
    );
    expect(highlightHtml("# Title\n- item\n\n1. first")).toBe("Title item 1. first");
  });
});
