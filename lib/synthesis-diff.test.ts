import { describe, expect, it } from "vitest";
import { diffStats, wordDiff } from "./synthesis-diff";

describe("wordDiff", () => {
  it("marks the words added and removed, keeping the rest and its spacing", () => {
    const parts = wordDiff("The state withers away.", "The state does not wither away.");
    expect(parts.filter((p) => p.kind === "removed").map((p) => p.text.trim())).toEqual(["withers"]);
    expect(parts.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["does", "not wither"]);
    // Reading the kept and added parts gives the new text; the kept and removed ones the old.
    expect(
      parts
        .filter((p) => p.kind !== "removed")
        .map((p) => p.text)
        .join(""),
    ).toBe("The state does not wither away.");
    expect(
      parts
        .filter((p) => p.kind !== "added")
        .map((p) => p.text)
        .join(""),
    ).toBe("The state withers away.");
    expect(diffStats(parts)).toEqual({ added: 3, removed: 1 });
  });

  it("a first version is all added; identical texts have no change", () => {
    expect(wordDiff("", "Hello there")).toEqual([{ kind: "added", text: "Hello there" }]);
    expect(wordDiff("Same.", "Same.")).toEqual([{ kind: "same", text: "Same." }]);
    expect(wordDiff("", "")).toEqual([]);
  });

  it("gives up on texts too different to compare cheaply and shows the whole text replaced", () => {
    const a = Array.from({ length: 6000 }, (_, i) => `a${i}`).join(" ");
    const b = Array.from({ length: 6000 }, (_, i) => `b${i}`).join(" ");
    const started = Date.now();
    const parts = wordDiff(a, b);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(parts.map((p) => p.kind)).toEqual(["removed", "added"]);
  });
});
