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
    const html = renderMarkdown('Hello <script>alert("x")</script> world\n\n<script src="https://evil.test/x.js"></script>');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("Hello");
  });

  it("drops event-handler attributes such as onerror", () => {
    const html = renderMarkdown('<img src="x" onerror="alert(1)">\n\n<a href="/" onclick="alert(1)">x</a>\n\n![pic](x.png "t")');
    expect(html).not.toMatch(/onerror|onclick/i);
    expect(html).not.toMatch(/<img/i);
  });

  it("removes javascript: and data: links but keeps the text", () => {
    const html = renderMarkdown("[click me](javascript:alert(1)) and [data](data:text/html;base64,PHNjcmlwdD4=) and <javascript:alert(2)>");
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/href="data:/i);
    expect(html).toContain("click me");
  });

  it("marks every link nofollow ugc noopener", () => {
    const html = renderMarkdown("See https://p2pfoundation.ning.com and [a page](/debates/x).");
    const rels = html.match(/rel="[^"]*"/g) ?? [];
    expect(rels).toHaveLength(2);
    for (const rel of rels) expect(rel).toBe('rel="nofollow ugc noopener"');
  });

  it("renders GFM autolinks and tables", () => {
    const html = renderMarkdown("| a | b |\n|---|---|\n| 1 | 2 |\n\nwww.example.org");
    expect(html).toContain("<table>");
    expect(html).toContain('href="http://www.example.org"');
  });
});
