import { describe, expect, it } from "vitest";
import { decodeCursor } from "@/lib/cursor";
import { addPost, createDebate } from "@/test/factories";
import { db } from "../db";
import { listContributions } from "./list-contributions";

async function pageThrough(subheadingId: string, pageSize?: number) {
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await listContributions(db, subheadingId, decodeCursor(cursor), pageSize);
    seen.push(...page.threads.map((t) => t.id));
    cursor = page.nextCursor;
    if (++pages > 1000) throw new Error("pagination does not end");
  } while (cursor);
  return { seen, pages };
}

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

    const { seen, pages } = await pageThrough(subheading.id, 25);
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
  });

  it("does not repeat or skip when posts arrive between pages", async () => {
    const debate = await createDebate();
    const subheading = debate.subheadings[0]!;
    for (let i = 0; i < 30; i++)
      await addPost({ subheadingId: subheading.id, createdAt: new Date(Date.UTC(2024, 1, 1, 0, i)) });
    const first = await listContributions(db, subheading.id, null, 10);
    const late = await addPost({ subheadingId: subheading.id, createdAt: new Date(Date.UTC(2025, 0, 1)) });
    const rest: string[] = [];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await listContributions(db, subheading.id, decodeCursor(cursor), 10);
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
    const page = await listContributions(db, mine!.id, null);
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
    const first = await listContributions(db, subheading.id, null, 2);
    expect(first.pinned.map((p) => p.id)).toEqual([posts[3]!.id]);
    expect(first.threads.map((p) => p.id)).toEqual([posts[0]!.id, posts[1]!.id]);
    const second = await listContributions(db, subheading.id, decodeCursor(first.nextCursor), 2);
    expect(second.pinned).toEqual([]);
    expect(second.threads.map((p) => p.id)).toEqual([posts[2]!.id]);
  });
});
