import { describe, expect, it } from "vitest";
import { createPostSchema } from "@/lib/schemas/post";
import { markPostSchema } from "@/lib/schemas/marks";
import { addPost, createDebate, createMember } from "@/test/factories";
import type { SessionUser } from "../auth/session";
import { readModel } from "../cache/read-model";
import { db } from "../db";
import { createPost } from "../posts/create-post";
import { getPostContext } from "../posts/get-post-context";
import { listContributions } from "../subheadings/list-contributions";
import { listMyMarks, listPostMarks } from "./list-marks";
import { listTypedReplies } from "./list-typed-replies";
import { markPost } from "./mark-post";
import { retypeReply } from "./retype-reply";
import { getWhereWeStand } from "./where-we-stand";

async function moderator(): Promise<SessionUser> {
  const m = await createMember();
  await db.user.update({ where: { id: m.id }, data: { role: "MODERATOR" } });
  return { ...m, role: "MODERATOR" };
}

const counts = (postId: string) =>
  db.post.findUniqueOrThrow({
    where: { id: postId },
    select: { agreeCount: true, disagreeCount: true, passCount: true, markCount: true },
  });

async function world() {
  const debate = await createDebate();
  const sub = debate.subheadings[0]!;
  const author = await createMember();
  const post = await addPost({ subheadingId: sub.id, authorId: author.id, body: "A claim worth marking." });
  return { debate, sub, author, post };
}

/** `n` members each marking `postId` with `value`. */
async function markedBy(n: number, postId: string, value: "agree" | "disagree" | "pass") {
  for (let i = 0; i < n; i++) await markPost({ actor: await createMember(), postId, value });
}

describe("agreement marks", () => {
  it("keeps one mark per member and post: marking twice is one row, and the counters stay right", async () => {
    const { post } = await world();
    const member = await createMember();
    await markPost({ actor: member, postId: post.id, value: "agree" });
    await markPost({ actor: member, postId: post.id, value: "agree" });
    expect(await db.postMark.count({ where: { postId: post.id } })).toBe(1);
    expect(await counts(post.id)).toEqual({ agreeCount: 1, disagreeCount: 0, passCount: 0, markCount: 1 });
  });

  it("moves the count when a member changes their mark, and takes it back on 'none'", async () => {
    const { post } = await world();
    const member = await createMember();
    await markPost({ actor: member, postId: post.id, value: "agree" });
    await markPost({ actor: member, postId: post.id, value: "disagree" });
    expect(await counts(post.id)).toEqual({ agreeCount: 0, disagreeCount: 1, passCount: 0, markCount: 1 });
    expect((await listMyMarks(member.id, [post.id])).marks).toEqual({ [post.id]: "disagree" });
    await markPost({ actor: member, postId: post.id, value: "none" });
    expect(await counts(post.id)).toEqual({ agreeCount: 0, disagreeCount: 0, passCount: 0, markCount: 0 });
    expect(await db.postMark.count({ where: { postId: post.id } })).toBe(0);
  });

  it("refuses a suspended or banned member, the author, and hidden or deleted posts, writing nothing", async () => {
    const { post, author } = await world();
    const suspended = await createMember({ suspendedUntil: new Date(Date.now() + 86400_000) });
    const banned = await createMember({ bannedAt: new Date() });
    for (const actor of [suspended, banned, author]) {
      await expect(markPost({ actor, postId: post.id, value: "agree" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await db.post.update({ where: { id: post.id }, data: { hiddenAt: new Date() } });
    await expect(markPost({ actor: await createMember(), postId: post.id, value: "agree" })).rejects.toMatchObject({
      message: "That post has been removed, so it can't be marked.",
    });
    expect(await db.postMark.count({ where: { postId: post.id } })).toBe(0);
    expect(await counts(post.id)).toMatchObject({ markCount: 0 });
  });

  it("refuses bad input as a field error", () => {
    const parsed = markPostSchema.safeParse({ postId: "p", value: "love" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["value"]);
  });

  it("shows moderators who marked what; nobody else", async () => {
    const { post } = await world();
    const member = await createMember();
    await markPost({ actor: member, postId: post.id, value: "pass" });
    const { marks } = await listPostMarks({ actor: await moderator(), postId: post.id });
    expect(marks).toEqual([expect.objectContaining({ userId: member.id, value: "pass" })]);
    await expect(listPostMarks({ actor: member, postId: post.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("hands the page's reads a post's counts (shown as a split only from 5 marks: lib/marks.test.ts)", async () => {
    const { sub, post } = await world();
    await markedBy(2, post.id, "agree");
    const page = await listContributions(db, sub.id, "oldest", null);
    expect(page.threads[0]!.marks).toEqual({ agree: 2, disagree: 0, pass: 0, total: 2 });
  });
});

describe("reply types", () => {
  it("stores a reply's type; refuses a contribution with one (schema field error and domain)", async () => {
    const { sub, post } = await world();
    const actor = await createMember();
    const reply = await createPost({
      actor,
      subheadingId: sub.id,
      parentId: post.id,
      title: null,
      body: "But…",
      replyType: "challenges",
    });
    expect(await db.post.findUniqueOrThrow({ where: { id: reply.id } })).toMatchObject({ replyType: "challenges" });

    const parsed = createPostSchema.safeParse({ subheadingId: sub.id, body: "New.", replyType: "evidence" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["replyType"]);
    expect(
      createPostSchema.safeParse({ subheadingId: sub.id, parentId: post.id, body: "x", replyType: "nonsense" }).success,
    ).toBe(false);
    const before = await db.post.count();
    await expect(
      createPost({ actor, subheadingId: sub.id, parentId: null, title: null, body: "New.", replyType: "evidence" }),
    ).rejects.toMatchObject({ code: "INVALID", field: "replyType" });
    expect(await db.post.count()).toBe(before);
  });

  it("lets the author retype unlogged; a moderator's retype is logged; others and the suspended are refused", async () => {
    const { sub, post } = await world();
    const replier = await createMember();
    const reply = await addPost({ subheadingId: sub.id, parentId: post.id, authorId: replier.id, body: "Hm." });
    await retypeReply({ actor: replier, postId: reply.id, replyType: "question" });
    expect(await db.moderationAction.count({ where: { postId: reply.id } })).toBe(0);

    const mod = await moderator();
    await retypeReply({ actor: mod, postId: reply.id, replyType: "clarifies" });
    expect(await db.post.findUniqueOrThrow({ where: { id: reply.id } })).toMatchObject({ replyType: "clarifies" });
    expect(await db.moderationAction.findFirst({ where: { postId: reply.id } })).toMatchObject({
      action: "retype",
      actorId: mod.id,
      detail: "Question → Clarifies",
    });

    await expect(retypeReply({ actor: await createMember(), postId: reply.id, replyType: null })).rejects.toMatchObject(
      {
        code: "FORBIDDEN",
      },
    );
    await db.user.update({ where: { id: replier.id }, data: { suspendedUntil: new Date(Date.now() + 86400_000) } });
    const suspended = { ...replier, suspendedUntil: new Date(Date.now() + 86400_000) };
    await expect(retypeReply({ actor: suspended, postId: reply.id, replyType: null })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(retypeReply({ actor: mod, postId: post.id, replyType: "evidence" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("counts a thread's replies per type and its open questions (no visible reply yet), in both thread reads", async () => {
    const { debate, sub, post } = await world();
    const a = await createMember();
    const reply = (parentId: string, replyType: "challenges" | "question") =>
      createPost({
        actor: a,
        subheadingId: sub.id,
        parentId,
        title: null,
        body: `${replyType} ${Math.random()}`,
        replyType,
      });
    await reply(post.id, "challenges");
    const challenge = await reply(post.id, "challenges");
    const q1 = await reply(challenge.id, "question");
    await reply(post.id, "question");
    const answer = await addPost({ subheadingId: sub.id, parentId: q1.id, body: "An answer." });

    const thread = async () => (await listContributions(db, sub.id, "oldest", null)).threads[0]!.typeCounts;
    expect(await thread()).toEqual({ challenges: 2, question: 2, openQuestions: 1 });
    // Hiding the answer opens the question again.
    await db.post.update({ where: { id: answer.id }, data: { hiddenAt: new Date() } });
    expect(await thread()).toEqual({ challenges: 2, question: 2, openQuestions: 2 });
    const context = await getPostContext(db, debate.slug, q1.id);
    expect(context!.typeCounts).toEqual({ challenges: 2, question: 2, openQuestions: 2 });
  });

  it("lists a subheading's replies of one type, flat, newest or oldest first, keyset paged", async () => {
    const { sub, post } = await world();
    const ids: string[] = [];
    for (let i = 0; i < 22; i++) {
      const r = await addPost({
        subheadingId: sub.id,
        parentId: post.id,
        body: `r${i}`,
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
      });
      ids.push(r.id);
    }
    await db.post.updateMany({ where: { id: { in: ids } }, data: { replyType: "evidence" } });
    await db.post.update({ where: { id: ids[3]! }, data: { replyType: "challenges" } });
    const first = await listTypedReplies(db, sub.id, "evidence", "newest", null);
    expect(first.nodes.map((n) => n.id)).toEqual(
      [...ids]
        .reverse()
        .filter((id) => id !== ids[3])
        .slice(0, 20),
    );
    expect(first.nextCursor).not.toBeNull();
    const { decodeCursor } = await import("@/lib/cursor");
    const second = await listTypedReplies(db, sub.id, "evidence", "newest", decodeCursor(first.nextCursor));
    expect(second.nodes.map((n) => n.id)).toEqual([ids[0]]); // 21 of the type: 20, then 1
    expect(second.nextCursor).toBeNull();
    const oldest = await listTypedReplies(db, sub.id, "evidence", "oldest", null);
    expect(oldest.nodes[0]!.id).toBe(ids[0]);
  });
});

describe("where we stand (SQL on this leg's database)", () => {
  it("lists broad agreement, the contested and the open questions by their formulas", async () => {
    const { sub, post: broad } = await world();
    const even = await addPost({ subheadingId: sub.id, body: "Split down the middle." });
    const lopsided = await addPost({ subheadingId: sub.id, body: "Mostly disliked." });
    const few = await addPost({ subheadingId: sub.id, body: "Too few marks." });
    const wide = await addPost({ subheadingId: sub.id, body: "Agreed by more." });
    await markedBy(5, broad.id, "agree"); // 5/5: (5+1)/(5+2) = 0.857
    await markedBy(8, wide.id, "agree"); // 8 of 9: (8+1)/(9+2) = 0.818, and 8*3 >= 9*2
    await markedBy(1, wide.id, "pass");
    await markedBy(3, even.id, "agree"); // 3–3: (6) × 3/3 = 6
    await markedBy(3, even.id, "disagree");
    await markedBy(1, lopsided.id, "agree"); // 1–5: 2*1 > 5 fails: not contested, nor agreed
    await markedBy(5, lopsided.id, "disagree");
    await markedBy(4, few.id, "agree"); // below 5 marks: in neither list

    const q = await addPost({ subheadingId: sub.id, parentId: even.id, body: "Why?" });
    const answered = await addPost({ subheadingId: sub.id, parentId: even.id, body: "How?" });
    await db.post.updateMany({ where: { id: { in: [q.id, answered.id] } }, data: { replyType: "question" } });
    await addPost({ subheadingId: sub.id, parentId: answered.id, body: "Like so." });

    const stand = await getWhereWeStand(db, sub.id);
    expect(stand.broadest.map((l) => l.id)).toEqual([broad.id, wide.id]);
    expect(stand.contested.map((l) => l.id)).toEqual([even.id]);
    expect(stand.openQuestions.map((l) => l.id)).toEqual([q.id]);
    expect(stand.contested[0]).toMatchObject({
      headline: "Split down the middle.",
      marks: { agree: 3, disagree: 3, total: 6 },
    });
  });

  it("ranks the contested by (agree + disagree) × min / max, ties by more marks", async () => {
    const { sub } = await world();
    const big = await addPost({ subheadingId: sub.id, body: "10–8" }); // 18 × 0.8 = 14.4
    const small = await addPost({ subheadingId: sub.id, body: "4–4" }); // 8
    await markedBy(10, big.id, "agree");
    await markedBy(8, big.id, "disagree");
    await markedBy(4, small.id, "agree");
    await markedBy(4, small.id, "disagree");
    const stand = await getWhereWeStand(db, sub.id);
    expect(stand.contested.map((l) => l.id)).toEqual([big.id, small.id]);
  });

  it("is a cached read whose result a mark changes and whose tags the mark invalidates", async () => {
    const { sub, post } = await world();
    await markedBy(4, post.id, "agree");
    const before = await readModel.whereWeStand.load(db, sub.id);
    const tags = readModel.whereWeStand.tags(before, sub.id);
    const written = await markPost({ actor: await createMember(), postId: post.id, value: "agree" });
    const after = await readModel.whereWeStand.load(db, sub.id);
    expect(before.broadest).toEqual([]);
    expect(after.broadest.map((l) => l.id)).toEqual([post.id]);
    expect(tags.some((tag) => written.tags.includes(tag))).toBe(true);
  });
});
