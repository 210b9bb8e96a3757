import { describe, expect, it } from "vitest";
import { readUpTo } from "@/lib/unread";
import { addPost, createDebate, createMember } from "@/test/factories";
import { db } from "../db";
import { countNewInDebate, countNewPerDebate } from "./count-new";
import { listNewPosts } from "./list-new-posts";
import { markDebateRead, markSubheadingRead } from "./mark-read";
import { newInSubheading } from "./new-in-subheading";

const HOUR = 3600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR);

/** A member who joined `hoursAgo`, and a debate of `subheadings` subheadings. */
async function setting({ joined = 100, subheadings = 2 } = {}) {
  const member = await createMember({ createdAt: ago(joined) });
  const other = await createMember();
  const debate = await createDebate({ subheadings });
  const [a, b, c] = debate.subheadings;
  return { member, other, debate, a: a!, b: b!, c };
}

const mark = (userId: string, subheadingId: string, upTo: Date) =>
  markSubheadingRead(db, { userId, subheadingId, upTo });

describe("marking a subheading read", () => {
  it("never moves a mark backwards", async () => {
    const { member, a } = await setting();
    const later = ago(2);
    expect((await mark(member.id, a.id, later)).readAt).toEqual(later);
    await mark(member.id, a.id, ago(10));
    expect(await readAt(member.id, a.id)).toEqual(later);
    expect((await mark(member.id, a.id, ago(10))).readAt).toEqual(later);
    await mark(member.id, a.id, ago(1));
    expect((await readAt(member.id, a.id)).getTime()).toBeGreaterThan(later.getTime());
  });

  it("clamps a time in the future to now, so later posts stay new", async () => {
    const { member, other, a } = await setting();
    const before = Date.now();
    await mark(member.id, a.id, new Date(Date.now() + 24 * HOUR));
    expect((await readAt(member.id, a.id)).getTime()).toBeLessThanOrEqual(Date.now());
    expect((await readAt(member.id, a.id)).getTime()).toBeGreaterThanOrEqual(before);
    await addPost({ subheadingId: a.id, authorId: other.id, createdAt: new Date(Date.now() + 1000) });
    expect((await newInSubheading(member, a.id)).posts).toHaveLength(1);
  });

  it("refuses a subheading that does not exist or is archived, and writes no mark", async () => {
    const { member, a } = await setting();
    await expect(mark(member.id, "nope", ago(1))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await db.subheading.update({ where: { id: a.id }, data: { archivedAt: new Date() } });
    await expect(mark(member.id, a.id, ago(1))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.readMark.count({ where: { userId: member.id } })).toBe(0);
  });
});

async function readAt(userId: string, subheadingId: string): Promise<Date> {
  const row = await db.readMark.findUniqueOrThrow({ where: { userId_subheadingId: { userId, subheadingId } } });
  return row.readAt;
}

describe("counting new posts", () => {
  it("counts others' visible posts after the mark, per subheading and per debate", async () => {
    const { member, other, debate, a, b } = await setting();
    await addPost({ subheadingId: a.id, authorId: other.id, createdAt: ago(5) });
    await mark(member.id, a.id, ago(4));
    const seen = await addPost({ subheadingId: a.id, authorId: other.id, createdAt: ago(3) });
    await addPost({ subheadingId: a.id, authorId: null, parentId: seen.id, createdAt: ago(2) }); // unknown author: new too
    await addPost({ subheadingId: b.id, authorId: other.id, createdAt: ago(1) });

    expect(await countNewInDebate(member, debate.id)).toEqual({ subheadings: { [a.id]: 2, [b.id]: 1 }, total: 3 });
    expect((await countNewPerDebate(member)).debates[debate.id]).toBe(3);
  });

  it("never counts the member's own posts, hidden posts, deleted posts or archived subheadings", async () => {
    const { member, other, debate, a, b } = await setting();
    await addPost({ subheadingId: a.id, authorId: member.id, createdAt: ago(3) });
    const hidden = await addPost({ subheadingId: a.id, authorId: other.id, createdAt: ago(3) });
    await db.post.update({ where: { id: hidden.id }, data: { hiddenAt: new Date(), hiddenReason: "spam" } });
    const deleted = await addPost({ subheadingId: a.id, authorId: other.id, createdAt: ago(3) });
    await db.post.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    await addPost({ subheadingId: b.id, authorId: other.id, createdAt: ago(3) });
    await db.subheading.update({ where: { id: b.id }, data: { archivedAt: new Date() } });
    const counted = await addPost({ subheadingId: a.id, authorId: other.id, createdAt: ago(2) });

    expect(await countNewInDebate(member, debate.id)).toEqual({ subheadings: { [a.id]: 1 }, total: 1 });
    expect((await countNewPerDebate(member)).debates[debate.id]).toBe(1);
    expect((await newInSubheading(member, a.id)).posts.map((p) => p.id)).toEqual([counted.id]);
  });

  it("uses the member's sign-up time as the baseline of a subheading they never opened", async () => {
    const { member, other, debate, a } = await setting({ joined: 10 });
    await addPost({ subheadingId: a.id, authorId: other.id, createdAt: ago(50) }); // the archive, before they joined
    const since = await addPost({ subheadingId: a.id, authorId: other.id, createdAt: ago(5) });
    expect(await countNewInDebate(member, debate.id)).toEqual({ subheadings: { [a.id]: 1 }, total: 1 });
    // Reading an old page (its newest post predates the member) does not make the archive new.
    await mark(member.id, a.id, ago(60));
    expect((await newInSubheading(member, a.id)).posts.map((p) => p.id)).toEqual([since.id]);
    expect((await countNewInDebate(member, debate.id)).total).toBe(1);
  });

  it("a newcomer sees nothing new in an archive, and other members' marks change nothing for them", async () => {
    const { member, other, debate, a } = await setting({ joined: 1 });
    await addPost({ subheadingId: a.id, authorId: member.id, createdAt: ago(50) });
    await mark(other.id, a.id, ago(100));
    expect(await countNewInDebate(member, debate.id)).toEqual({ subheadings: {}, total: 0 });
    expect((await countNewInDebate(other, debate.id)).total).toBe(1);
  });

  it("refuses an unknown debate or subheading", async () => {
    const { member } = await setting();
    await expect(countNewInDebate(member, "nope")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(newInSubheading(member, "nope")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the subheading page marks what it showed", () => {
  it("keeps a post made between the page's render and its mark new", async () => {
    const { member, other, debate, a } = await setting();
    const shown = await addPost({ subheadingId: a.id, authorId: other.id, createdAt: ago(2) });
    // The page is rendered now (it shows `shown`); then someone replies in that thread, before the page marks.
    const horizon = (await db.post.findUniqueOrThrow({ where: { id: shown.id } })).createdAt.getTime();
    const late = await addPost({ subheadingId: a.id, authorId: other.id, parentId: shown.id, createdAt: ago(1) });
    const unread = await newInSubheading(member, a.id);
    expect(unread.posts.map((p) => p.id)).toEqual([shown.id, late.id]);

    const upTo = readUpTo(unread.posts, (threadId) => threadId === shown.id, horizon);
    expect(upTo).toBe(horizon);
    await mark(member.id, a.id, new Date(upTo!));

    expect((await newInSubheading(member, a.id)).posts.map((p) => p.id)).toEqual([late.id]);
    expect(await countNewInDebate(member, debate.id)).toEqual({ subheadings: { [a.id]: 1 }, total: 1 });
  });
});

describe("the catch-up list", () => {
  it("lists exactly the new posts, grouped by subheading in outline order, each with the post it answers", async () => {
    const { member, other, debate, a, b, c } = await setting({ subheadings: 3 });
    const old = await addPost({
      subheadingId: a.id,
      authorId: other.id,
      body: "An old **thought** about it.",
      createdAt: ago(200),
    });
    await mark(member.id, b.id, ago(3));
    const inC = await addPost({ subheadingId: c!.id, authorId: other.id, createdAt: ago(6) });
    const seenInB = await addPost({ subheadingId: b.id, authorId: other.id, createdAt: ago(4) });
    const reply = await addPost({ subheadingId: a.id, authorId: other.id, parentId: old.id, createdAt: ago(5) });
    const inB = await addPost({ subheadingId: b.id, authorId: other.id, parentId: seenInB.id, createdAt: ago(2) });
    await addPost({ subheadingId: a.id, authorId: member.id, createdAt: ago(1) }); // their own
    const another = await addPost({ subheadingId: a.id, authorId: other.id, createdAt: ago(1) });

    const page = await listNewPosts({ member, debateSlug: debate.slug, cursor: null });
    expect(page!.groups.map((g) => [g.subheading.id, g.posts.map((p) => p.id)])).toEqual([
      [a.id, [reply.id, another.id]],
      [b.id, [inB.id]],
      [c!.id, [inC.id]],
    ]);
    expect(page!.groups[0]!.posts[0]!.answers).toEqual({
      id: old.id,
      state: "visible",
      authorName: other.name,
      excerpt: "An old thought about it.",
    });
    expect(page!.groups[0]!.posts[1]!.answers).toBeNull();
    expect(page!.nextCursor).toBeNull();
  });

  it("pages by keyset across subheadings, every new post once, in order", async () => {
    const { member, other, debate, a, b } = await setting();
    const made: string[] = [];
    for (const [subheadingId, hours] of [
      [b.id, 9],
      [a.id, 8],
      [b.id, 7],
      [a.id, 6],
      [a.id, 5],
    ] as const) {
      made.push((await addPost({ subheadingId, authorId: other.id, createdAt: ago(hours) })).id);
    }
    const seen: string[][] = [];
    let cursor = null;
    for (let i = 0; i < 5; i++) {
      const page = await listNewPosts({ member, debateSlug: debate.slug, cursor, take: 2 });
      seen.push(page!.groups.flatMap((g) => g.posts.map((p) => p.id)));
      if (!page!.nextCursor) break;
      const { decodeCatchUpCursor } = await import("./list-new-posts");
      cursor = decodeCatchUpCursor(page!.nextCursor);
    }
    const [b1, a1, b2, a2, a3] = made;
    expect(seen).toEqual([[a1, a2], [a3, b1], [b2]]);
  });

  it("is empty after 'mark all as read', which spares posts made after the page was shown", async () => {
    const { member, other, debate, a, b } = await setting();
    await addPost({ subheadingId: a.id, authorId: other.id, createdAt: ago(3) });
    await addPost({ subheadingId: b.id, authorId: other.id, createdAt: ago(2) });
    const renderedAt = ago(1);
    const after = await addPost({ subheadingId: b.id, authorId: other.id, createdAt: new Date(Date.now() - 1000) });

    const result = await markDebateRead({ actor: member, debateId: debate.id, upTo: renderedAt });
    expect(result.tags).toEqual([]);
    const page = await listNewPosts({ member, debateSlug: debate.slug, cursor: null });
    expect(page!.groups.flatMap((g) => g.posts.map((p) => p.id))).toEqual([after.id]);
    expect(await listNewPosts({ member, debateSlug: "no-such-debate", cursor: null })).toBeNull();
  });
});
