import { describe, expect, it } from "vitest";
import { readUpTo, type NewPost } from "./unread";

const post = (id: string, at: number, rootId: string | null = null): NewPost => ({
  id,
  rootId,
  createdAt: new Date(at).toISOString(),
});
const onPage =
  (...ids: string[]) =>
  (id: string) =>
    ids.includes(id);

describe("readUpTo: how far a subheading page showed its new posts", () => {
  it("marks up to the newest new post the page showed", () => {
    expect(readUpTo([post("a", 1000), post("b", 2000)], onPage("a", "b"), 5000)).toBe(2000);
  });

  it("keeps a post made after the page was rendered new (newer than anything on the page)", () => {
    // The page showed a (1000) and b (2000); c was posted in c's own thread after the render, and
    // d is a reply in a's thread posted after the render: both stay new.
    const posts = [post("a", 1000), post("b", 2000), post("c", 3000), post("d", 3500, "a")];
    expect(readUpTo(posts, onPage("a", "b"), 2000)).toBe(2000);
  });

  it("counts a reply whose thread is on the page as shown (one 'continue this thread' away)", () => {
    expect(readUpTo([post("a", 1000), post("deep", 1500, "a")], onPage("a"), 1500)).toBe(1500);
  });

  it("stops just before a new post that lives on another page of the subheading", () => {
    const posts = [post("a", 1000), post("elsewhere", 1500), post("b", 2000)];
    expect(readUpTo(posts, onPage("a", "b"), 2000)).toBe(1000);
  });

  it("marks nothing when the page showed none of the new posts, or has no posts", () => {
    expect(readUpTo([post("elsewhere", 1000), post("a", 2000)], onPage("a"), 2000)).toBeNull();
    expect(readUpTo([post("a", 1000)], onPage("a"), null)).toBeNull();
    expect(readUpTo([], onPage(), 1000)).toBeNull();
  });
});
