import { describe, expect, it } from "vitest";
import { describeMarks, nextMark } from "./marks";
import { describeTypeCounts, replyTypeFromSlug, typeFilterPath } from "./reply-types";

describe("marks as readers see them", () => {
  it("shows nothing, then only how many, and the split from 5 marks", () => {
    expect(describeMarks({ agree: 0, disagree: 0, pass: 0, total: 0 })).toBe("");
    expect(describeMarks({ agree: 1, disagree: 0, pass: 0, total: 1 })).toBe("1 mark");
    expect(describeMarks({ agree: 2, disagree: 2, pass: 0, total: 4 })).toBe("4 marks");
    expect(describeMarks({ agree: 3, disagree: 1, pass: 1, total: 5 })).toBe("3 agree · 1 disagree · 1 pass");
  });

  it("takes a mark back when the same is chosen again, and replaces it otherwise", () => {
    expect(nextMark(null, "agree")).toBe("agree");
    expect(nextMark("agree", "agree")).toBeNull();
    expect(nextMark("agree", "pass")).toBe("pass");
  });
});

describe("reply types", () => {
  it("says a thread's counts in words, with its open questions", () => {
    expect(describeTypeCounts({})).toBe("");
    expect(describeTypeCounts({ challenges: 3, question: 1, openQuestions: 1 })).toBe(
      "3 challenges, 1 question (1 open)",
    );
    expect(describeTypeCounts({ supports: 1, question: 2, openQuestions: 0 })).toBe("1 reply in support, 2 questions");
  });

  it("names each filter by a plural slug in the path", () => {
    expect(replyTypeFromSlug("questions")).toBe("question");
    expect(replyTypeFromSlug("question")).toBeNull();
    expect(typeFilterPath("d", "s", "challenges")).toBe("/debates/d/s/type/challenges");
    expect(typeFilterPath("d", "s", "challenges", "oldest")).toBe("/debates/d/s/type/challenges/oldest");
    expect(typeFilterPath("d", "s", "challenges", "newest", "abc")).toBe(
      "/debates/d/s/type/challenges/newest/after/abc",
    );
  });
});
