import { describe, expect, it } from "vitest";
import { ftsQuery, parseQuery, QUERY_MAX, TERMS_MAX, trimQuery, websearchQuery } from "./query";

describe("parseQuery", () => {
  it("reads words, quoted phrases and exclusions", () => {
    expect(parseQuery('commons "peer production" -state')).toEqual([
      { text: "commons", exclude: false },
      { text: "peer production", exclude: false },
      { text: "state", exclude: true },
    ]);
    expect(parseQuery('-"the state" market')).toEqual([
      { text: "the state", exclude: true },
      { text: "market", exclude: false },
    ]);
  });

  it("drops what nothing can match, and exclusions with nothing to include", () => {
    for (const q of ['"', '""', "-", "*", "(", ")", "😀", "NEAR(", " ", "-only -these", "&|!"]) {
      const terms = parseQuery(q);
      expect(
        terms.filter((t) => !t.exclude).every((t) => /[\p{L}\p{N}]/u.test(t.text)),
        q,
      ).toBe(true);
    }
    expect(parseQuery('"')).toEqual([]);
    expect(parseQuery("* ( ) 😀")).toEqual([]);
    expect(parseQuery("-only -exclusions")).toEqual([]);
    expect(parseQuery("NEAR(")).toEqual([{ text: "NEAR(", exclude: false }]);
  });

  it("closes an unclosed quote at the end", () => {
    expect(parseQuery('"open phrase')).toEqual([{ text: "open phrase", exclude: false }]);
  });

  it("is bounded: QUERY_MAX characters (never half an emoji), TERMS_MAX terms", () => {
    expect(parseQuery("word ".repeat(1000))).toHaveLength(TERMS_MAX);
    expect(Array.from(trimQuery("😀".repeat(1000)))).toHaveLength(QUERY_MAX);
    expect(trimQuery("😀".repeat(1000))).not.toMatch(/[\uD800-\uDBFF]$/);
    expect(trimQuery("x".repeat(10_000))).toHaveLength(QUERY_MAX);
  });
});

describe("the engines' queries", () => {
  it("quote every term, so no operator typed is ever read as one", () => {
    const terms = parseQuery('AND OR NOT NEAR(a b) col:x "c d" -e *');
    expect(ftsQuery(terms)).toBe('("AND" AND "OR" AND "NOT" AND "NEAR(a" AND "b)" AND "col:x" AND "c d") NOT "e"');
    expect(websearchQuery(terms)).toBe('"AND" "OR" "NOT" "NEAR(a" "b)" "col:x" "c d" -"e"');
  });
});
