import { describe, expect, it } from "vitest";
import { addPost, createDebate, createMember } from "@/test/factories";
import { db } from "../db";
import { toActionError } from "../errors";
import { createPost } from "./create-post";

async function counters(subheadingId: string) {
  const s = await db.subheading.findUniqueOrThrow({ where: { id: subheadingId }, include: { debate: true } });
  return {
    sub: [s.contributionCount, s.replyCount],
    debate: [s.debate.contributionCount, s.debate.replyCount],
    posts: await db.post.count({ where: { subheadingId } }),
  };
}

describe("createPost", () => {
  it("adds a contribution under the chosen subheading and a nested reply, counting both", async () => {
    const debate = await createDebate();
    const sub = debate.subheadings[1]!;
    const actor = await createMember();
    const post = await createPost({
      actor,
      subheadingId: sub.id,
      parentId: null,
      title: "On the commons",
      body: "A **bold** claim.",
    });
    const reply = await createPost({
      actor,
      subheadingId: sub.id,
      parentId: post.id,
      title: "ignored for replies",
      body: "And a reply.",
    });

    const [row, replyRow] = await Promise.all([
      db.post.findUniqueOrThrow({ where: { id: post.id } }),
      db.post.findUniqueOrThrow({ where: { id: reply.id } }),
    ]);
    expect(row).toMatchObject({
      authorId: actor.id,
      subheadingId: sub.id,
      title: "On the commons",
      depth: 0,
      replyCount: 1,
    });
    expect(row.bodyHtml).toContain("<strong>bold</strong>");
    expect(replyRow).toMatchObject({ parentId: post.id, rootId: post.id, depth: 1, title: null });
    expect(await counters(sub.id)).toEqual({ sub: [1, 1], debate: [1, 1], posts: 2 });
    expect(post.debateSlug).toBe(debate.slug);
  });

  it("refuses a locked subheading or debate and stores nothing", async () => {
    const debate = await createDebate();
    const [open, locked] = debate.subheadings;
    await db.subheading.update({ where: { id: locked!.id }, data: { locked: true } });
    const actor = await createMember();
    await expect(
      createPost({ actor, subheadingId: locked!.id, parentId: null, title: null, body: "x" }),
    ).rejects.toMatchObject({ code: "LOCKED" });
    await db.debate.update({ where: { id: debate.id }, data: { locked: true } });
    await expect(
      createPost({ actor, subheadingId: open!.id, parentId: null, title: null, body: "x" }),
    ).rejects.toMatchObject({ code: "LOCKED" });
    expect(await counters(open!.id)).toEqual({ sub: [0, 0], debate: [0, 0], posts: 0 });
  });

  it("refuses an archived or unknown subheading", async () => {
    const debate = await createDebate();
    await db.subheading.update({ where: { id: debate.subheadings[0]!.id }, data: { archivedAt: new Date() } });
    const actor = await createMember();
    await expect(
      createPost({ actor, subheadingId: debate.subheadings[0]!.id, parentId: null, title: null, body: "x" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", field: "subheadingId" });
    await expect(
      createPost({ actor, subheadingId: "nope", parentId: null, title: null, body: "x" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses replies to removed posts, or filed under another subheading", async () => {
    const debate = await createDebate();
    const [a, b] = debate.subheadings;
    const actor = await createMember();
    const parent = await addPost({ subheadingId: a!.id });
    await expect(
      createPost({ actor, subheadingId: b!.id, parentId: parent.id, title: null, body: "x" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await db.post.update({ where: { id: parent.id }, data: { deletedAt: new Date() } });
    await expect(
      createPost({ actor, subheadingId: a!.id, parentId: parent.id, title: null, body: "x" }),
    ).rejects.toMatchObject({ code: "INVALID" });
    expect((await db.post.findUniqueOrThrow({ where: { id: parent.id } })).replyCount).toBe(0);
  });

  it("refuses suspended and banned members, saying why", async () => {
    const debate = await createDebate();
    const suspended = await createMember({ suspendedUntil: new Date(Date.now() + 3600_000) });
    const banned = await createMember({ bannedAt: new Date() });
    const input = { subheadingId: debate.subheadings[0]!.id, parentId: null, title: null, body: "x" };
    await expect(createPost({ actor: suspended, ...input })).rejects.toThrow(/suspended until .*: testing/);
    await expect(createPost({ actor: banned, ...input })).rejects.toThrow(/banned: testing/);
    const lapsed = await createMember({ suspendedUntil: new Date(Date.now() - 1000) });
    await expect(createPost({ actor: lapsed, ...input })).resolves.toBeDefined();
  });

  it("limits how fast a member posts, more strictly in their first day, storing nothing", async () => {
    const debate = await createDebate();
    const subheadingId = debate.subheadings[0]!.id;
    const newcomer = await createMember({ createdAt: new Date() });
    // Their first minute: a contribution, a reply, and a quote-reply all go through.
    const top = await createPost({ actor: newcomer, subheadingId, parentId: null, title: null, body: "one" });
    const reply = await createPost({ actor: newcomer, subheadingId, parentId: top.id, title: null, body: "two" });
    await createPost({ actor: newcomer, subheadingId, parentId: reply.id, title: null, body: "> two\n\nthree" });
    await expect(
      createPost({ actor: newcomer, subheadingId, parentId: null, title: null, body: "four" }),
    ).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringMatching(/wait \d+ seconds?/),
      seconds: expect.any(Number),
    });
    expect(await db.post.count({ where: { authorId: newcomer.id } })).toBe(3);
    // The form is told how long to wait, to count it down.
    const refusal = toActionError(
      await createPost({ actor: newcomer, subheadingId, parentId: null, title: null, body: "five" }).catch((e) => e),
    );
    expect(refusal).toMatchObject({ ok: false, retryAfter: expect.any(Number) });
    expect(refusal.retryAfter).toBeGreaterThan(0);
    expect(refusal.retryAfter).toBeLessThanOrEqual(60);

    const regular = await createMember();
    for (let i = 0; i < 4; i++)
      await createPost({ actor: regular, subheadingId, parentId: null, title: null, body: `post ${i}` });
    expect(await db.post.count({ where: { authorId: regular.id } })).toBe(4);
  });

  it("makes one post of a submission sent twice with the same idempotency key, and answers both with it", async () => {
    const debate = await createDebate();
    const actor = await createMember();
    const input = { subheadingId: debate.subheadings[0]!.id, parentId: null, title: null, body: "Said once." };
    const first = await createPost({ actor, ...input, idempotencyKey: "form-1" });
    const again = await createPost({ actor, ...input, idempotencyKey: "form-1" });
    expect(again.id).toBe(first.id);
    expect(again.tags).toEqual([]); // nothing new to invalidate
    expect(await counters(input.subheadingId)).toMatchObject({ sub: [1, 0], posts: 1 });
    // Another form, or another member with the same key, makes a post of its own.
    const other = await createPost({ actor, ...input, idempotencyKey: "form-2" });
    const someoneElse = await createPost({ actor: await createMember(), ...input, idempotencyKey: "form-1" });
    expect(new Set([first.id, other.id, someoneElse.id]).size).toBe(3);
  });

  it("makes a new post when the same form key comes with another text (two tabs share a draft's key)", async () => {
    const debate = await createDebate();
    const actor = await createMember();
    const [first, second] = debate.subheadings;
    const tab1 = await createPost({
      actor,
      subheadingId: first!.id,
      parentId: null,
      title: "Draft",
      body: "From one tab.",
      idempotencyKey: "shared",
    });
    const tab2 = await createPost({
      actor,
      subheadingId: second!.id,
      parentId: null,
      title: "Draft",
      body: "From the other.",
      idempotencyKey: "shared",
    });
    expect(tab2.id).not.toBe(tab1.id);
    const stored = await db.post.findUniqueOrThrow({
      where: { id: tab2.id },
      select: { body: true, subheadingId: true },
    });
    expect(stored).toEqual({ body: "From the other.", subheadingId: second!.id });
    // Each tab's resend still finds its own post.
    const again = await createPost({
      actor,
      subheadingId: second!.id,
      parentId: null,
      title: "Draft",
      body: "From the other.",
      idempotencyKey: "shared",
    });
    expect(again.id).toBe(tab2.id);
  });

  it("answers a resent submission with its post even when that post used up the member's allowance", async () => {
    const debate = await createDebate();
    const newcomer = await createMember({ createdAt: new Date() }); // 3 posts a minute on the first day
    const input = { subheadingId: debate.subheadings[0]!.id, parentId: null, title: null };
    await createPost({ actor: newcomer, ...input, body: "First.", idempotencyKey: "form-a" });
    await createPost({ actor: newcomer, ...input, body: "Between.", idempotencyKey: "form-c" });
    const second = await createPost({ actor: newcomer, ...input, body: "Second.", idempotencyKey: "form-b" });
    const resent = await createPost({ actor: newcomer, ...input, body: "Second.", idempotencyKey: "form-b" });
    expect(resent.id).toBe(second.id);
  });

  it("lets no two posts sent at once slip past the posting limit together", async () => {
    const debate = await createDebate();
    const newcomer = await createMember({ createdAt: new Date() }); // 3 posts a minute on the first day
    const input = { subheadingId: debate.subheadings[0]!.id, parentId: null, title: null };
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => createPost({ actor: newcomer, ...input, body: `at once ${i}` })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(await db.post.count({ where: { authorId: newcomer.id } })).toBe(3);
  });
});
