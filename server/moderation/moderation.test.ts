import { describe, expect, it } from "vitest";
import { formatUtc } from "@/lib/utc-format";
import { addPost, createDebate, createMember } from "@/test/factories";
import { db } from "../db";
import { createDebate as openDebate } from "../debates/create-debate";
import { createPost } from "../posts/create-post";
import { getPostContext } from "../posts/get-post-context";
import { findRenamedSubheading } from "../subheadings/get-subheading";
import { renameSubheading } from "../subheadings/manage-subheadings";
import { listModerationLog } from "./list-log";
import { setLocked, setSlowMode } from "./places";
import { getHiddenPost, hidePost, movePost } from "./posts";
import { listMovesFrom } from "../posts/list-moves";
import { dismissReports, listReportedByMe, reportPost } from "./reports";
import { setRole, suspendUser } from "./users";

const moderator = () =>
  createMember({ name: `mod-${Math.random().toString(36).slice(2)}` }).then(async (m) => {
    await db.user.update({ where: { id: m.id }, data: { role: "MODERATOR" } });
    return { ...m, role: "MODERATOR" as const };
  });

/** Every counter recomputed from the rows: what "exact" means. */
async function expectCountersExact(debateId: string) {
  const subheadings = await db.subheading.findMany({ where: { debateId }, include: { posts: true } });
  for (const s of subheadings) {
    expect(s.contributionCount, s.slug).toBe(s.posts.filter((p) => !p.parentId).length);
    expect(s.replyCount, s.slug).toBe(s.posts.filter((p) => p.parentId).length);
    const known = s.posts.filter((p) => p.dateKnown).map((p) => p.createdAt.getTime());
    expect(s.lastActivityAt?.getTime() ?? null, s.slug).toBe(known.length ? Math.max(...known) : null);
  }
  const debate = await db.debate.findUniqueOrThrow({ where: { id: debateId } });
  const posts = await db.post.findMany({ where: { debateId }, include: { _count: { select: { replies: true } } } });
  expect(debate.contributionCount).toBe(posts.filter((p) => !p.parentId).length);
  expect(debate.replyCount).toBe(posts.filter((p) => p.parentId).length);
  for (const p of posts) expect(p.replyCount).toBe(p._count.replies);
}

describe("movePost", () => {
  it("moves a contribution with all its replies to another subheading, counters exact", async () => {
    const debate = await createDebate();
    const [a, b] = debate.subheadings;
    const mod = await moderator();
    const root = await addPost({ subheadingId: a!.id, createdAt: new Date(Date.UTC(2024, 0, 1)) });
    const reply = await addPost({ subheadingId: a!.id, parentId: root.id, createdAt: new Date(Date.UTC(2024, 0, 2)) });
    await addPost({ subheadingId: a!.id, parentId: reply.id, createdAt: new Date(Date.UTC(2024, 0, 3)) });
    const stays = await addPost({ subheadingId: a!.id, createdAt: new Date(Date.UTC(2023, 0, 1)) });

    const result = await movePost({ actor: mod, postId: root.id, toSubheadingId: b!.id, reason: "Belongs under B" });
    expect(result.moved).toBe(3);
    expect(await db.post.count({ where: { subheadingId: b!.id } })).toBe(3);
    expect((await db.post.findUniqueOrThrow({ where: { id: stays.id } })).subheadingId).toBe(a!.id);
    await expectCountersExact(debate.id);
    const context = await getPostContext(db, debate.slug, root.id);
    expect(context?.subheading.id).toBe(b!.id);
    expect(context?.thread.replies[0]?.replies).toHaveLength(1);
    // The post says where it came from; its old subheading lists where it went.
    expect(context?.thread).toMatchObject({ movedFromSubheadingId: a!.id, movedAt: expect.any(Date) });
    expect(context?.thread.replies[0]?.movedFromSubheadingId).toBeNull(); // the replies came along, unmoved
    expect(await listMovesFrom(db, a!.id)).toEqual({
      debateId: debate.id,
      moves: [expect.objectContaining({ postId: root.id, fromParentId: null, toTitle: b!.title, toSlug: b!.slug })],
    });
    expect(await listMovesFrom(db, b!.id)).toEqual({ debateId: null, moves: [] });
  });

  it("makes a reply a top-level contribution, its own replies rising with it", async () => {
    const debate = await createDebate();
    const [a, b] = debate.subheadings;
    const mod = await moderator();
    const root = await addPost({ subheadingId: a!.id });
    const reply = await addPost({ subheadingId: a!.id, parentId: root.id });
    const child = await addPost({ subheadingId: a!.id, parentId: reply.id });

    await movePost({ actor: mod, postId: reply.id, toSubheadingId: b!.id });
    expect(await db.post.findUniqueOrThrow({ where: { id: reply.id } })).toMatchObject({
      parentId: null,
      rootId: null,
      depth: 0,
      subheadingId: b!.id,
      movedFromSubheadingId: a!.id,
      movedAt: expect.any(Date),
    });
    // One PostMove row, written with the move: the old parent's replies note where it went.
    expect(await db.postMove.findMany({ where: { postId: reply.id } })).toEqual([
      expect.objectContaining({ fromSubheadingId: a!.id, fromParentId: root.id, toSubheadingId: b!.id }),
    ]);
    expect((await listMovesFrom(db, a!.id)).moves).toEqual([
      expect.objectContaining({ postId: reply.id, fromParentId: root.id, toTitle: b!.title }),
    ]);
    expect(await db.post.findUniqueOrThrow({ where: { id: child.id } })).toMatchObject({
      parentId: reply.id,
      rootId: reply.id,
      depth: 1,
      subheadingId: b!.id,
    });
    await expectCountersExact(debate.id);

    const [entry] = (await listModerationLog(db, null)).entries;
    expect(entry).toMatchObject({
      action: "move_post",
      from: { title: a!.title },
      to: { title: b!.title },
      moderator: mod.name,
    });
  });

  it("refuses members, and subheadings of another debate", async () => {
    const debate = await createDebate();
    const other = await createDebate();
    const post = await addPost({ subheadingId: debate.subheadings[0]!.id });
    await expect(
      movePost({ actor: await createMember(), postId: post.id, toSubheadingId: debate.subheadings[1]!.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      movePost({ actor: await moderator(), postId: post.id, toSubheadingId: other.subheadings[0]!.id }),
    ).rejects.toMatchObject({ code: "INVALID" });
    expect(await db.postMove.count({ where: { postId: post.id } })).toBe(0); // a refused move notes nothing
    await expectCountersExact(debate.id);
  });
});

describe("reports and hiding", () => {
  it("allows one open report per member per post, and resolves reports when the post is hidden", async () => {
    const debate = await createDebate();
    const author = await createMember();
    const reporter = await createMember();
    const mod = await moderator();
    const post = await addPost({ subheadingId: debate.subheadings[0]!.id, authorId: author.id, body: "Rude words" });
    await reportPost({ actor: reporter, postId: post.id, reason: "Rude" });
    await expect(reportPost({ actor: reporter, postId: post.id, reason: "Still rude" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(reportPost({ actor: author, postId: post.id, reason: "Mine" })).rejects.toMatchObject({
      code: "INVALID",
    });

    await hidePost({ actor: mod, postId: post.id, reason: "Insults" });
    const report = await db.report.findFirstOrThrow({ where: { postId: post.id } });
    expect(report).toMatchObject({ status: "RESOLVED", resolvedById: mod.id, resolution: "Post hidden: Insults" });
    expect((await getPostContext(db, debate.slug, post.id))?.thread).toMatchObject({
      state: "hidden",
      hiddenReason: "Insults",
      bodyHtml: null,
    });
    expect((await getHiddenPost({ actor: mod, postId: post.id })).bodyHtml).toContain("Rude words");
    await expect(getHiddenPost({ actor: reporter, postId: post.id })).rejects.toMatchObject({ code: "FORBIDDEN" });

    // Resolved, the member may report again; a dismissal closes it.
    await reportPost({ actor: reporter, postId: post.id, reason: "Again" });
    await dismissReports({ actor: mod, postId: post.id });
    expect(await db.report.count({ where: { postId: post.id, status: "OPEN" } })).toBe(0);
  });

  it("tells a member which posts they have an open report on, and no one else", async () => {
    const debate = await createDebate();
    const reporter = await createMember();
    const other = await createMember();
    const [a, b] = [
      await addPost({ subheadingId: debate.subheadings[0]!.id }),
      await addPost({ subheadingId: debate.subheadings[0]!.id }),
    ];
    expect(await listReportedByMe(reporter.id, [a.id, b.id])).toEqual({ reported: [] });
    await reportPost({ actor: reporter, postId: a.id, reason: "Off topic" });
    expect(await listReportedByMe(reporter.id, [a.id, b.id, "not an id!", a.id])).toEqual({ reported: [a.id] });
    expect(await listReportedByMe(other.id, [a.id, b.id])).toEqual({ reported: [] });
    // Once dealt with, the post no longer says so (the member may report it again).
    await dismissReports({ actor: await moderator(), postId: a.id });
    expect(await listReportedByMe(reporter.id, [a.id])).toEqual({ reported: [] });
  });

  it("never names a reporter in the public log", async () => {
    const log = await listModerationLog(db, null);
    for (const entry of log.entries) expect(JSON.stringify(entry)).not.toMatch(/reporter/i);
  });
});

describe("locks, slow mode and suspensions", () => {
  it("refuses posts in a locked subheading or debate, and too-quick posts in slow mode", async () => {
    const debate = await createDebate();
    const [a, b] = debate.subheadings;
    const mod = await moderator();
    const member = await createMember();
    await setLocked({ actor: mod, place: { subheadingId: a!.id }, locked: true });
    await expect(
      createPost({ actor: member, subheadingId: a!.id, parentId: null, title: null, body: "x" }),
    ).rejects.toMatchObject({ code: "LOCKED" });
    await setSlowMode({ actor: mod, place: { debateId: debate.id }, seconds: 600 });
    await createPost({ actor: member, subheadingId: b!.id, parentId: null, title: null, body: "first" });
    await expect(
      createPost({ actor: member, subheadingId: b!.id, parentId: null, title: null, body: "second" }),
    ).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringMatching(/Slow mode is on in this debate: you can post again in \d+ seconds/),
    });
    await setLocked({ actor: mod, place: { subheadingId: a!.id }, locked: false });
    await setSlowMode({ actor: mod, place: { debateId: debate.id }, seconds: 0 });
    await expect(
      createPost({ actor: member, subheadingId: a!.id, parentId: null, title: null, body: "x" }),
    ).resolves.toBeDefined();
  });

  it("suspends a member, who is told why and until when; moderators cannot restrict admins", async () => {
    const debate = await createDebate();
    const mod = await moderator();
    const member = await createMember();
    const { until } = await suspendUser({ actor: mod, userId: member.id, hours: 48, reason: "Trolling" });
    const fresh = await db.user.findUniqueOrThrow({ where: { id: member.id } });
    await expect(
      createPost({
        actor: { ...member, suspendedUntil: fresh.suspendedUntil, suspendReason: fresh.suspendReason },
        subheadingId: debate.subheadings[0]!.id,
        parentId: null,
        title: null,
        body: "x",
      }),
    ).rejects.toThrow(`You are suspended until ${formatUtc(until)}: Trolling.`);
    const admin = await createMember();
    await db.user.update({ where: { id: admin.id }, data: { role: "ADMIN" } });
    await expect(suspendUser({ actor: mod, userId: admin.id, hours: 1, reason: "nope" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(setRole({ actor: mod, userId: member.id, role: "MODERATOR" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await setRole({ actor: { ...admin, role: "ADMIN" }, userId: member.id, role: "MODERATOR" });
    expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).role).toBe("MODERATOR");
  });
});

describe("debate management", () => {
  it("opens a debate with its subheadings in order, and keeps old subheading URLs after a rename", async () => {
    const mod = await moderator();
    const debate = await openDebate({
      actor: mod,
      title: "Commons and the State",
      body: "Let us talk.",
      subheadings: ["First things", "Second things", "Third things"],
    });
    const subheadings = await db.subheading.findMany({ where: { debateId: debate.id }, orderBy: { position: "asc" } });
    expect(subheadings.map((s) => [s.slug, s.position])).toEqual([
      ["first-things", 1],
      ["second-things", 2],
      ["third-things", 3],
    ]);
    const again = await openDebate({
      actor: mod,
      title: "Commons and the State",
      body: "Again.",
      subheadings: ["Only"],
    });
    expect(again.slug).toBe(`${debate.slug}-2`);

    await renameSubheading({ actor: mod, subheadingId: subheadings[0]!.id, title: "Primary matters" });
    expect(await findRenamedSubheading(db, debate.slug, "first-things")).toBe("primary-matters");
    await renameSubheading({ actor: mod, subheadingId: subheadings[0]!.id, title: "First things" });
    expect((await db.subheading.findUniqueOrThrow({ where: { id: subheadings[0]!.id } })).slug).toBe("first-things");
    expect(await findRenamedSubheading(db, debate.slug, "primary-matters")).toBe("first-things");
  });
});
