// The three formats written from a small debate held in memory: the relations Argdown draws, how
// Markdown nests a deep thread, and what neither lets through.
import { describe, expect, it } from "vitest";
import { writeArgdown } from "./argdown";
import type { ExportHeader, ExportPost, ExportWriter } from "./export-model";
import { MAX_QUOTE_DEPTH, writeMarkdown } from "./markdown";

let n = 0;
function post(author: string, body: string, more: Partial<ExportPost> = {}): ExportPost {
  return {
    key: `p${++n}`,
    author,
    authorNote: null,
    title: null,
    body,
    sourceUrl: null,
    createdAt: new Date("2024-01-02T03:04:00Z"),
    dateKnown: true,
    replyType: null,
    agreement: null,
    replies: [],
    ...more,
  };
}

const header: ExportHeader = {
  debate: {
    id: "d",
    slug: "small",
    title: "A small debate",
    author: "Ada",
    authorNote: null,
    views: 3,
    body: "Should we?",
    createdAt: new Date("2024-01-01T00:00:00Z"),
    dateKnown: true,
    synthesis: null,
  },
  sections: [
    {
      id: "s",
      slug: "only",
      title: "The only subheading",
      description: null,
      position: 1,
      synthesis: null,
      proposals: [],
    },
  ],
};

async function render(writer: ExportWriter, threads: ExportPost[]): Promise<string> {
  let text = "";
  for await (const chunk of writer(header, async function* () {
    yield* threads;
  }))
    text += chunk;
  return text;
}

describe("Argdown", () => {
  const thread = () =>
    post("Ada", "Commons are the **way**.", {
      title: "Commons first",
      replies: [
        post("Bo", "Yes: see [the study](https://example.test/a).", {
          replyType: "supports",
          replies: [post("Cy", "The study is flawed.", { replyType: "challenges" })],
        }),
        post("Di", "No, markets [sic] do it #better @all // really", { replyType: "challenges" }),
        post("Ed", "What do you mean by commons?", {
          replyType: "question",
          replies: [post("Ada", "Shared resources.", { replyType: "supports" })],
        }),
        post("Fa", "An answer that says nothing of its kind."),
      ],
    });

  it("nests supports as + and challenges as - beneath what they answer", async () => {
    const text = await render(writeArgdown, [thread()]);
    expect(text).toContain("# A small debate\n\n[Opening post (1)]: Should we? — Ada\n\n## The only subheading\n\n");
    expect(text).toContain(
      [
        "[Commons first (2)]: Commons are the way. — Ada",
        "    + <Yes see the study https example test a (3)>: Yes: see the study (https:\\//example\\.test/a). — Bo",
        "        - <The study is flawed (4)>: The study is flawed. — Cy",
        "    - <No, markets sic do it better all really (5)>: No, markets \\[sic\\] do it \\#better \\@all \\// really — Di",
      ].join("\n"),
    );
  });

  it("gives other replies a statement of their own that mentions what they answer", async () => {
    const text = await render(writeArgdown, [thread()]);
    expect(text).toContain(
      "[What do you mean by commons? (6)]: (question on @[Commons first (2)]) What do you mean by commons? — Ed #question\n" +
        "    + <Shared resources (7)>: Shared resources. — Ada",
    );
    expect(text).toContain("[An answer that says nothing of its kind (8)]: (reply on @[Commons first (2)]) An answer");
  });

  it("writes only lines Argdown reads as headings, statements or relations, in blocks", async () => {
    const text = await render(writeArgdown, [thread()]);
    for (const line of text.split("\n")) {
      if (line === "") continue;
      expect(line).toMatch(/^(#{1,2} [^\n]+|\[[^\][<>]+\]: .+|( {4})+[+-] <[^\][<>]+>: .+)$/);
    }
    // Each title is unique, so no two posts fall into one equivalence class.
    const titles = [...text.matchAll(/^\s*(?:[+-] )?[[<]([^\]>]+)[\]>]:/gm)].map((m) => m[1]);
    expect(new Set(titles).size).toBe(titles.length);
  });
});

describe("Markdown", () => {
  it("nests replies as blockquotes, at most MAX_QUOTE_DEPTH deep, naming whom deeper ones answer", async () => {
    let deepest = post("Z", "The bottom of the thread.", { replyType: "clarifies" });
    for (let i = MAX_QUOTE_DEPTH + 1; i >= 1; i--) deepest = post(`R${i}`, `Reply ${i}`, { replies: [deepest] });
    const text = await render(writeMarkdown, [post("Ada", "Top.", { title: "Top", replies: [deepest] })]);
    expect(text).toContain("> **R1** · 2 January 2024, 03:04 UTC\n>\n> Reply 1\n>\n> > **R2**");
    const prefix = "> ".repeat(MAX_QUOTE_DEPTH);
    expect(text).toContain(`${prefix}**R${MAX_QUOTE_DEPTH + 1}** in reply to R${MAX_QUOTE_DEPTH} ·`);
    expect(text).toContain(
      `${prefix}**Z** in reply to R${MAX_QUOTE_DEPTH + 1} · 2 January 2024, 03:04 UTC · Clarifies`,
    );
    expect(text).not.toContain("> ".repeat(MAX_QUOTE_DEPTH + 1));
  });

  it("shows agreement counts when given, 'date not preserved' for an undated post, and escapes names", async () => {
    const text = await render(writeMarkdown, [
      post("*Star* [x]", "Body.", {
        title: "# Not a heading",
        dateKnown: false,
        agreement: { agree: 5, disagree: 1, pass: 0 },
      }),
    ]);
    expect(text).toContain(
      "#### \\# Not a heading\n\n\\*Star\\* \\[x\\] · date not preserved · 5 agree, 1 disagree, 0 pass",
    );
  });
});
