import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown";

describe("renderMarkdown", () => {
  it("renders the Markdown people write: emphasis, lists, quotes, links", () => {
    const html = renderMarkdown("**Theme**\n\n- one\n- two\n\n> quoted\n\n[p2p](https://p2pfoundation.net)");
    expect(html).toContain("<strong>Theme</strong>");
    expect(html).toMatch(/<ul>\s*<li>one<\/li>\s*<li>two<\/li>\s*<\/ul>/);
    expect(html).toContain("<blockquote>");
    expect(html).toContain('href="https://p2pfoundation.net"');
  });

  it("never lets a script tag through, raw or escaped into markup", () => {
    const html = renderMarkdown(
      'Hello <script>alert("x")</script> world\n\n<script src="https://evil.test/x.js"></script>',
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("Hello");
  });

  it("drops event-handler attributes such as onerror", () => {
    const html = renderMarkdown(
      '<img src="x" onerror="alert(1)">\n\n<a href="/" onclick="alert(1)">x</a>\n\n![pic](x.png "t")',
    );
    expect(html).not.toMatch(/onerror|onclick/i);
    expect(html).not.toMatch(/<img/i);
  });

  it("removes javascript: and data: links but keeps the text", () => {
    const html = renderMarkdown(
      "[click me](javascript:alert(1)) and [data](data:text/html;base64,PHNjcmlwdD4=) and <javascript:alert(2)> [x](JaVaScRiPt:alert(3))",
    );
    expect(html).not.toMatch(/href="\s*javascript:/i);
    expect(html).not.toMatch(/href="\s*data:/i);
    expect(html.match(/<a>/g)).toHaveLength(4);
    expect(html).toContain("click me");
  });

  it("marks every link to another site nofollow ugc noopener", () => {
    const html = renderMarkdown(
      "See https://p2pfoundation.ning.com, [this](http://example.org) and [that](//example.net/x), or [a page here](/debates/x).",
    );
    const external = html.match(/<a href="(?:https?:)?\/\/[^"]*"[^>]*>/g) ?? [];
    expect(external).toHaveLength(3);
    for (const a of external) expect(a).toContain('rel="nofollow ugc noopener"');
    expect(html).toContain('<a href="/debates/x">');
  });

  it("renders GFM autolinks and tables", () => {
    const html = renderMarkdown("| a | b |\n|---|---|\n| 1 | 2 |\n\nwww.example.org");
    expect(html).toContain("<table>");
    expect(html).toContain('href="http://www.example.org"');
  });
});
