import { describe, expect, it } from "vitest";
import { buildThreads, continuesBeyond, hiddenReplies, DISPLAY_DEPTH } from "./thread-tree";
import type { PostView } from "./views";

let clock = Date.UTC(2011, 0, 1);
function post(id: string, parentId: string | null, depth: number, replyCount = 0): PostView {
  clock += 60_000;
  return {
    id,
    parentId,
    depth,
    replyCount,
    subheadingId: "s",
    title: null,
    bodyHtml: "<p>x</p>",
    author: null,
    attributionNote: null,
    sourceUrl: null,
    createdAt: new Date(clock),
    dateKnown: true,
    editedAt: null,
    pinned: false,
    state: "visible",
    hiddenReason: null,
  };
}

describe("buildThreads", () => {
  it("nests replies beneath the posts they answer, oldest first", () => {
    const root = post("root", null, 0, 2);
    const a = post("a", "root", 1, 1);
    const b = post("b", "root", 1);
    const a1 = post("a1", "a", 2);
    const [tree] = buildThreads([root], [b, a1, a]);
    expect(tree!.replies.map((r) => r.id)).toEqual(["a", "b"]);
    expect(tree!.replies[0]!.replies.map((r) => r.id)).toEqual(["a1"]);
  });

  it("keeps roots in the order given and ignores replies of other threads", () => {
    const r1 = post("r1", null, 0);
    const r2 = post("r2", null, 0);
    const stray = post("stray", "elsewhere", 1);
    const trees = buildThreads([r2, r1], [stray]);
    expect(trees.map((t) => t.id)).toEqual(["r2", "r1"]);
    expect(trees.every((t) => t.replies.length === 0)).toBe(true);
  });
});

describe("continuesBeyond", () => {
  it("flags a post at the display cap that has replies", () => {
    const [node] = buildThreads([post("deep", null, 0, 3)], []);
    expect(continuesBeyond(node!, DISPLAY_DEPTH)).toBe(true);
    // Above the cap, replies not loaded are "show N more replies" in place, not another page.
    expect(continuesBeyond(node!, 1)).toBe(false);
    expect(hiddenReplies(node!)).toBe(3);
  });

  it("does not flag a post whose replies are shown, or that has none", () => {
    const root = post("r", null, 0, 1);
    const [tree] = buildThreads([root], [post("c", "r", 1)]);
    expect(continuesBeyond(tree!, 0)).toBe(false);
    expect(continuesBeyond(tree!.replies[0]!, 1)).toBe(false);
  });
});
