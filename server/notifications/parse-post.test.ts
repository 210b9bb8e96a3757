import { describe, expect, it } from "vitest";
import { MAX_QUOTES, mentionCandidates, quotedPostIds } from "./parse-post";

describe("quotedPostIds", () => {
  it("finds the permalinks a quote ends with, relative or absolute, once each", () => {
    const body = [
      "> Markets are not the enemy.",
      ">",
      "> — [Ana](/debates/p2p/posts/cabc123#post-cabc123)",
      "",
      "See also https://debates.example.org/debates/other/posts/cdef456 and (/debates/p2p/posts/cabc123).",
    ].join("\n");
    expect(quotedPostIds(body)).toEqual(["cabc123", "cdef456"]);
  });

  it("ignores links that are not permalinks and stops at the cap", () => {
    expect(quotedPostIds("/debates/p2p and /debates/p2p/the-state, /people/ana")).toEqual([]);
    const many = Array.from({ length: 30 }, (_, i) => `/debates/d/posts/p${i}`).join(" ");
    expect(quotedPostIds(many)).toHaveLength(MAX_QUOTES);
  });
});

describe("mentionCandidates", () => {
  it("offers the handle and every name of one to four words, longest first, ending at punctuation", () => {
    expect(mentionCandidates("Thanks @Ana Lopez, you were right")).toEqual([
      { handle: "ana", names: ["Ana Lopez", "Ana"] },
    ]);
    expect(mentionCandidates("@Michel Bauwens says more than I can")).toEqual([
      {
        handle: "michel",
        names: ["Michel Bauwens says more", "Michel Bauwens says", "Michel Bauwens", "Michel"],
      },
    ]);
    expect(mentionCandidates("cc @ana-lopez.")[0]).toEqual({ handle: "ana-lopez", names: ["ana-lopez"] });
    expect(mentionCandidates("@Ana's point")[0]!.names).toContain("Ana");
  });

  it("skips addresses, code and quoted lines (a quote of a mention is not a new one)", () => {
    const body = [
      "Write to ana@example.org",
      "`@inline code`",
      "```",
      "@fenced",
      "```",
      "> @quoted said so",
      "but @real does",
    ].join("\n");
    expect(mentionCandidates(body).map((c) => c.handle)).toEqual(["real"]);
  });

  it("reads a link's text, not its address", () => {
    expect(mentionCandidates("[@Ana](/people/ana) agrees")[0]).toMatchObject({ handle: "ana" });
  });

  it("looks at a bounded number of @ signs", () => {
    expect(mentionCandidates("@a ".repeat(1000)).length).toBeLessThanOrEqual(30);
  });
});

describe("bodies shaped to make the patterns backtrack", () => {
  // A ratio, not a time limit: 16 times the text must cost about 16 times as much (linear), not
  // 256 times (quadratic: 20 KB of backticks took 0.66 s of event loop before the fix).
  const shapes: Record<string, (n: number) => string> = {
    "a run of backticks": (n) => "`".repeat(n),
    "a run of tildes after three spaces": (n) => "   " + "~".repeat(n),
    "unclosed links": (n) => "[a](".repeat(n / 4),
    "open brackets": (n) => "[".repeat(n),
  };
  const cost = (body: string) => {
    let best = Infinity;
    for (let run = 0; run < 7; run++) {
      const started = performance.now();
      for (let i = 0; i < 5; i++) {
        mentionCandidates(body);
        quotedPostIds(body);
      }
      best = Math.min(best, performance.now() - started);
    }
    return Math.max(best, 0.05);
  };
  for (const [shape, make] of Object.entries(shapes)) {
    it(`parses ${shape} in time that grows linearly`, () => {
      const small = cost(make(1_250));
      const large = cost(make(20_000));
      expect(large / small).toBeLessThan(64);
    });
  }
});
