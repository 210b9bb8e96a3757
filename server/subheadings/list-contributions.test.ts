import { describe, expect, it } from "vitest";
import { decodeContributionCursor } from "@/lib/contribution-cursor";
import type { PostSort } from "@/lib/post-sort";
import { FIRST_REPLIES_BY_LEVEL, PAGE_BUDGET } from "@/lib/thread-tree";
import type { ThreadNode } from "@/lib/views";
import { addPost, createDebate } from "@/test/factories";
import { db } from "../db";
import { listContributions } from "./list-contributions";

async function pageThrough(subheadingId: string, sort: PostSort = "oldest", pageSize?: number) {
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await listContributions(db, subheadingId, sort, decodeContributionCursor(cursor), pageSize);
    seen.push(...page.threads.map((t) => t.id));
    cursor = page.nextCursor;
    if (++pages > 1000) throw new Error("pagination does not end");
  } while (cursor);
  return { seen, pages };
}

/** `n` replies to `parent`, a second apart from `start`, written at once (the counters as insertPost keeps them). */
async function addReplies(parent: { id: string; subheadingId: string; debateId: string }, n: number, start: number) {
  await db.post.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      debateId: parent.debateId,
      subheadingId: parent.subheadingId,
      parentId: parent.id,
      rootId: parent.id,
      depth: 1,
      body: `Reply ${i}`,
      bodyHtml: `<p>Reply ${i}</p>`,
      createdAt: new Date(start + i * 1000),
    })),
  });
  await db.post.update({ where: { id: parent.id }, data: { replyCount: { increment: n } } });
}

const countNodes = (nodes: ThreadNode[]): number => nodes.reduce((n, node) => n + 1 + countNodes(node.replies), 0);

describe("listContributions (keyset pagination)", () => {
  it("pages through a few hundred contributions, each exactly once and in order", async () => {
    const debate = await createDebate();
    const subheading = debate.subheadings[0]!;
    const start = Date.UTC(2024, 0, 1);
    const ids: string[] = [];
    // Many share a timestamp, so the id must break ties for no row to be lost or repeated.
    for (let i = 0; i < 320; i++) {
      const post = await addPost({
        subheadingId: subheading.id,
        createdAt: new Date(start + Math.floor(i / 7) * 1000),
      });
      ids.push(post.id);
    }
    // Replies are not contributions: they ride along in their threads.
    await addPost({ subheadingId: subheading.id, parentId: ids[0] });

    const { seen, pages } = await pageThrough(subheading.id, "oldest", 25);
    expect(pages).toBe(13);
    expect(new Set(seen).size).toBe(seen.length);
    const expected = (
      await db.post.findMany({
        where: { subheadingId: subheading.id, parentId: null },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      })
    ).map((p) => p.id);
    expect(seen).toEqual(expected);
    expect(seen).toHaveLength(320);
  }, 60_000);

  it("does not repeat or skip when posts arrive between pages", async () => {
    const debate = await createDebate();
    const subheading = debate.subheadings[0]!;
    for (let i = 0; i < 30; i++)
      await addPost({ subheadingId: subheading.id, createdAt: new Date(Date.UTC(2024, 1, 1, 0, i)) });
    const first = await listContributions(db, subheading.id, "oldest", null, 10);
    const late = await addPost({ subheadingId: subheading.id, createdAt: new Date(Date.UTC(2025, 0, 1)) });
    const rest: string[] = [];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await listContributions(db, subheading.id, "oldest", decodeContributionCursor(cursor), 10);
      rest.push(...page.threads.map((t) => t.id));
      cursor = page.nextCursor;
    }
    const all = [...first.threads.map((t) => t.id), ...rest];
    expect(new Set(all).size).toBe(31);
    expect(all.at(-1)).toBe(late.id);
  });

  it("shows only this subheading's contributions, with their replies nested", async () => {
    const debate = await createDebate();
    const [mine, other] = debate.subheadings;
    const root = await addPost({ subheadingId: mine!.id });
    const reply = await addPost({ subheadingId: mine!.id, parentId: root.id });
    await addPost({ subheadingId: mine!.id, parentId: reply.id });
    await addPost({ subheadingId: other!.id });
    const page = await listContributions(db, mine!.id, "oldest", null);
    expect(page.threads.map((t) => t.id)).toEqual([root.id]);
    expect(page.threads[0]!.replies[0]!.id).toBe(reply.id);
    expect(page.threads[0]!.replies[0]!.replies).toHaveLength(1);
    expect(page.nextCursor).toBeNull();
  });

  it("puts pinned contributions first, on the first page only", async () => {
    const debate = await createDebate();
    const subheading = debate.subheadings[0]!;
    const posts = [];
    for (let i = 0; i < 4; i++)
      posts.push(await addPost({ subheadingId: subheading.id, createdAt: new Date(Date.UTC(2024, 2, 1, 0, i)) }));
    await db.post.update({ where: { id: posts[3]!.id }, data: { pinnedAt: new Date() } });
    const first = await listContributions(db, subheading.id, "oldest", null, 2);
    expect(first.pinned.map((p) => p.id)).toEqual([posts[3]!.id]);
    expect(first.threads.map((p) => p.id)).toEqual([posts[0]!.id, posts[1]!.id]);
    const second = await listContributions(db, subheading.id, "oldest", decodeContributionCursor(first.nextCursor), 2);
    expect(second.pinned).toEqual([]);
    expect(second.threads.map((p) => p.id)).toEqual([posts[2]!.id]);
  });
});

describe("listContributions under each order", () => {
  async function world() {
    const debate = await createDebate();
    const subheading = debate.subheadings[0]!;
    const posts = [];
    // Reply counts 0,3,1,3,0,2,… with ties in count and in time, so every part of the key matters.
    const replies = [0, 3, 1, 3, 0, 2, 1, 0, 2, 3, 0, 1];
    for (let i = 0; i < replies.length; i++) {
      const post = await addPost({
        subheadingId: subheading.id,
        createdAt: new Date(Date.UTC(2024, 3, 1, 0, Math.floor(i / 2))),
      });
      for (let r = 0; r < replies[i]!; r++) await addPost({ subheadingId: subheading.id, parentId: post.id });
      posts.push(post);
    }
    const rows = await db.post.findMany({
      where: { subheadingId: subheading.id, parentId: null },
      select: { id: true, createdAt: true, replyCount: true },
    });
    return { subheading, rows };
  }
  const byTime = (a: { createdAt: Date; id: string }, b: { createdAt: Date; id: string }) =>
    a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  it("newest first: every contribution once, latest first, page after page", async () => {
    const { subheading, rows } = await world();
    const { seen, pages } = await pageThrough(subheading.id, "newest", 5);
    expect(pages).toBe(3);
    expect(seen).toEqual(
      [...rows]
        .sort(byTime)
        .reverse()
        .map((r) => r.id),
    );
  });

  it("most replies first (ties in time order): every contribution once, page after page", async () => {
    const { subheading, rows } = await world();
    const { seen } = await pageThrough(subheading.id, "replies", 5);
    expect(seen).toEqual([...rows].sort((a, b) => b.replyCount - a.replyCount || byTime(a, b)).map((r) => r.id));
    const first = await listContributions(db, subheading.id, "replies", null, 5);
    expect(first.threads[0]!.replyCount).toBe(3);
    // The cursor names its order: a later page of "most replies" goes on in that order.
    expect(decodeContributionCursor(first.nextCursor)).toMatchObject({ sort: "replies", replyCount: 2 });
  });

  it("a cursor of another order is not followed (that page starts again)", async () => {
    const { subheading } = await world();
    const newest = await listContributions(db, subheading.id, "newest", null, 5);
    const wrong = await listContributions(db, subheading.id, "oldest", decodeContributionCursor(newest.nextCursor), 5);
    expect(wrong.threads.map((t) => t.id)).toEqual(
      (await listContributions(db, subheading.id, "oldest", null, 5)).threads.map((t) => t.id),
    );
  });
});

describe("a page is bounded whatever the threads hold", () => {
  it("shows the first replies of a 500-reply thread, and how many more there are", async () => {
    const debate = await createDebate();
    const subheadingId = debate.subheadings[0]!.id;
    const root = await addPost({ subheadingId });
    await addReplies(root, 500, Date.UTC(2024, 5, 1));
    const page = await listContributions(db, subheadingId, "oldest", null);
    const thread = page.threads[0]!;
    expect(thread.replyCount).toBe(500);
    expect(thread.replies).toHaveLength(FIRST_REPLIES_BY_LEVEL[1]);
    // The first ones, in time order: "show N more" goes on after the last of them.
    expect(thread.replies.map((r) => r.bodyHtml)).toEqual(
      Array.from({ length: FIRST_REPLIES_BY_LEVEL[1] }, (_, i) => `<p>Reply ${i}</p>`),
    );
  }, 30_000);

  it("renders at most the page's budget of posts and of post HTML, however long the posts", async () => {
    const debate = await createDebate();
    const subheadingId = debate.subheadings[0]!.id;
    const long = "Long words here. ".repeat(1_100); // ~19,000 characters of Markdown
    for (let i = 0; i < 20; i++) {
      const root = await addPost({ subheadingId, body: long, createdAt: new Date(Date.UTC(2024, 6, 1, 0, i)) });
      for (let r = 0; r < 6; r++) await addPost({ subheadingId, parentId: root.id, body: long });
    }
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listContributions(db, subheadingId, "oldest", decodeContributionCursor(cursor));
      const nodes = [...page.pinned, ...page.threads];
      const html = JSON.stringify(nodes).length;
      expect(countNodes(nodes)).toBeLessThanOrEqual(PAGE_BUDGET.posts);
      // The budget, plus at most the one post always shown; the JSON adds a little per post.
      expect(html).toBeLessThan(PAGE_BUDGET.bodyChars + 25_000 + countNodes(nodes) * 1_000);
      all.push(...page.threads.map((t) => t.id));
      cursor = page.nextCursor;
    } while (cursor);
    // The page ends early when the budget runs out; the next one starts where it stopped.
    expect(new Set(all).size).toBe(20);
  }, 60_000);
});
