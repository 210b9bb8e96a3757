import { describe, expect, it } from "vitest";
import { argdownTitle, containedMarkdown, escapeArgdown, escapeMarkdown, plainText, quoted } from "./export-text";

describe("plainText", () => {
  it("keeps the words and link targets of Markdown, on one line", () => {
    expect(plainText("# Title\n\nSome **bold** and [a link](https://x.test/a).\n\n> quoted\n- item")).toBe(
      "Title Some bold and a link (https://x.test/a). quoted item",
    );
  });
});

describe("escapeMarkdown", () => {
  it("escapes what Markdown would read as markup, and line starts that open blocks", () => {
    expect(escapeMarkdown("a *b* [c](d) <e> #f")).toBe("a \\*b\\* \\[c\\](d) \\<e\\> \\#f");
    expect(escapeMarkdown("- not a list\n1. nor this\n+ nor this")).toBe(
      "\\- not a list  \n1\\. nor this  \n\\+ nor this",
    );
  });
});

describe("containedMarkdown", () => {
  it("closes a code fence left open, so it cannot swallow what follows", () => {
    expect(containedMarkdown("text\n```js\ncode\n")).toBe("text\n```js\ncode\n```");
    expect(containedMarkdown("~~~~\ncode\n~~~~\nafter\n\n")).toBe("~~~~\ncode\n~~~~\nafter");
  });
});

describe("quoted", () => {
  it("prefixes every line, blank ones too, so the quote holds together", () => {
    expect(quoted("a\n\nb", 2)).toBe("> > a\n> >\n> > b");
  });
});

describe("escapeArgdown", () => {
  it("escapes brackets, mentions, tags, emphasis, data, comments and shortcodes", () => {
    expect(escapeArgdown("[a] <b> @c #d *e* _f_ {g} // h /* i")).toBe(
      "\\[a\\] \\<b\\> \\@c \\#d \\*e\\* \\_f\\_ \\{g\\} \\// h /\\* i",
    );
    expect(escapeArgdown("see :smile: and e.g. this")).toBe("see \\:smile: and e\\.g. this");
    expect(escapeArgdown("one\n\ntwo")).toBe("one two");
  });
});

describe("argdownTitle", () => {
  it("keeps a short title of letters, digits and plain punctuation", () => {
    expect(argdownTitle("[Why] <not>: the *commons*?")).toBe("Why not the commons?");
    expect(argdownTitle("- leading dash")).toBe("leading dash");
  });
});

describe("plainText's emphasis", () => {
  it("drops emphasis markers but keeps underscores and stars inside words", () => {
    expect(plainText("*one* _two_ snake_case 2*3 **bold**.")).toBe("one two snake_case 2*3 bold.");
  });
});
