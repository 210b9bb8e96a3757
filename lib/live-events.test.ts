import { describe, expect, it } from "vitest";
import { MAX_LIVE_TOPICS, parseRequestedTopics, parseTopic, topicsOf, type LiveEvent } from "./live-events";

describe("live topics", () => {
  it("parses the four kinds and refuses anything else", () => {
    expect(parseTopic("debate:cm1abc")).toEqual({ kind: "debate", id: "cm1abc" });
    expect(parseTopic("subheading:a_b-c")).toEqual({ kind: "subheading", id: "a_b-c" });
    expect(parseTopic("thread:x1")).toEqual({ kind: "thread", id: "x1" });
    expect(parseTopic("user:u1")).toEqual({ kind: "user", id: "u1" });
    for (const bad of [
      "",
      "debate:",
      "debate",
      "post:1",
      "debate:a:b",
      "debate:a b",
      "DEBATE:a",
      `debate:${"a".repeat(65)}`,
      "debate:é",
    ]) {
      expect(parseTopic(bad), bad).toBeNull();
    }
  });

  it("takes a client's list: trimmed, deduplicated, at most the limit, never a member's topic", () => {
    expect(parseRequestedTopics(" debate:a, subheading:b ,debate:a,")).toEqual({
      topics: ["debate:a", "subheading:b"],
    });
    expect(parseRequestedTopics(null)).toEqual({ topics: [] });
    const many = Array.from({ length: MAX_LIVE_TOPICS + 1 }, (_, i) => `thread:t${i}`).join(",");
    expect(parseRequestedTopics(many)).toHaveProperty("error");
    expect(parseRequestedTopics("debate:a,user:someone")).toHaveProperty("error");
    expect(parseRequestedTopics("debate:a,nonsense")).toHaveProperty("error");
  });

  it("sends a post to its debate, subheading and thread, a notification to its member only", () => {
    const post: LiveEvent = {
      type: "post",
      postId: "p",
      debateId: "d",
      subheadingId: "s",
      threadId: "t",
      parentId: "t",
      authorId: "u",
    };
    expect(topicsOf(post)).toEqual(["debate:d", "subheading:s", "thread:t"]);
    expect(topicsOf({ type: "notification", userId: "u" })).toEqual(["user:u"]);
  });
});
