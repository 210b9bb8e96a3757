import { describe, expect, it } from "vitest";
import { MarkdownRefused, markdownRefusal, renderMarkdown } from "./markdown";

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

// Issue 8, finding 1: each of these, within the length limit, blocked the server for a minute
// or more and then overflowed the stack. They are refused before the parser sees them.
describe("Markdown that would stall the parser", () => {
  const attacks = {
    "a list nested 10,000 deep": "- ".repeat(10_000),
    "quotes nested 19,999 deep": ">".repeat(19_999),
    "10,000 asterisks": "*".repeat(10_000),
  };

  it.each(Object.entries(attacks))("refuses %s at once, with words for its writer", (_name, body) => {
    const started = performance.now();
    expect(markdownRefusal(body)).toMatch(/nest at most 32 levels|no more than 64/);
    expect(() => renderMarkdown(body)).toThrow(MarkdownRefused);
    // One pass over 20,000 characters, not a minute of parsing (a bound so wide no machine trips it).
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("lets through the nesting and emphasis people write", () => {
    const nested = Array.from({ length: 10 }, (_, i) => `${"  ".repeat(i)}- level ${i + 1}`).join("\n");
    expect(markdownRefusal(nested)).toBeNull();
    expect(renderMarkdown(nested)).toContain("level 10");
    expect(markdownRefusal("> > > a quote in a quote in a quote\n\n***\n\n**bold** and __bold__ ~~gone~~")).toBeNull();
    const code = "```\n" + " ".repeat(100) + "indented code\n```";
    expect(markdownRefusal(code)).toBeNull();
  });

  it("draws the line at 32 levels", () => {
    expect(markdownRefusal("- ".repeat(32) + "deep")).toBeNull();
    expect(renderMarkdown(">".repeat(32) + " deep")).toContain("deep");
    expect(markdownRefusal("- ".repeat(33) + "too deep")).toMatch(/32 levels/);
    expect(markdownRefusal("*".repeat(64))).toBeNull();
    expect(markdownRefusal("*".repeat(65))).toMatch(/no more than 64/);
  });
});
