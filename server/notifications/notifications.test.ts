import { afterEach, describe, expect, it, vi } from "vitest";
import { nameKey } from "@/lib/name-key";
import { formatUtc } from "@/lib/utc-format";
import { createDebate, createMember } from "@/test/factories";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { setFollow, setFollowOwnThreads } from "../follows/set-follow";
import { banUser, suspendUser } from "../moderation/users";
import { hidePost, movePost, restorePost } from "../moderation/posts";
import { createPost } from "../posts/create-post";
import { runAfterCommit } from "../write";
import { MAX_ATTEMPTS, notificationHooks, notificationsSettled, processNotificationJobs } from "./jobs";
import { listNotifications, unreadNotificationCount } from "./list-notifications";
import { markAllNotificationsRead, markNotificationRead } from "./mark-read";

let n = 0;
/** A member with a handle and a name key, as sign-up (and the seed) give them. */
async function member(name = `Member ${++n} ${Math.random().toString(36).slice(2, 7)}`) {
  const m = await createMember({ name });
  const handle = `m${n}-${m.id.slice(-6)}`.toLowerCase();
  await db.user.update({ where: { id: m.id }, data: { handle, nameKey: nameKey(name) } });
  return { ...m, handle };
}

async function moderator() {
  const m = await member();
  await db.user.update({ where: { id: m.id }, data: { role: "MODERATOR" } });
  return { ...m, role: "MODERATOR" as const };
}

/** Posts as the action does: the write, then its after-commit work (which notifies). */
async function post(actor: SessionUser, subheadingId: string, body: string, parentId: string | null = null) {
  const made = await createPost({ actor, subheadingId, parentId, title: null, body });
  await runAfterCommit(made.after);
  await notificationsSettled();
  return made;
}

/** Posts without running the after-commit work: as if the process died right after the commit. */
const postOnly = (actor: SessionUser, subheadingId: string, body: string, parentId: string | null = null) =>
  createPost({ actor, subheadingId, parentId, title: null, body });

const notificationsOf = (userId: string) =>
  db.notification.findMany({ where: { userId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

async function place() {
  const debate = await createDebate();
  return { debate, sub: debate.subheadings[0]!, other: debate.subheadings[1]! };
}

afterEach(() => vi.restoreAllMocks());

describe("who a new post notifies", () => {
  it("the author of the post it answers (reply), never the writer themself", async () => {
    const { sub } = await place();
    const [ana, ben] = [await member(), await member()];
    const first = await post(ana, sub.id, "An opening thought.");
    await post(ben, sub.id, "A reply.", first.id);
    await post(ana, sub.id, "Replying to my own post.", first.id);

    const got = await notificationsOf(ana.id);
    expect(got.map((x) => [x.kind, x.actorId])).toEqual([["reply", ben.id]]);
    // Ben follows the thread he replied in: Ana's own reply there reaches him, and only him.
    expect((await notificationsOf(ben.id)).map((x) => [x.kind, x.actorId])).toEqual([["followed", ana.id]]);
  });

  it("the authors of the posts it quotes (links to their permalinks)", async () => {
    const { debate, sub, other } = await place();
    const [ana, ben] = [await member(), await member()];
    const quoted = await post(ana, other.id, "Markets are not the enemy.");
    await post(
      ben,
      sub.id,
      `> Markets are not the enemy.\n>\n> — [Ana](/debates/${debate.slug}/posts/${quoted.id}#post-${quoted.id})\n\nThey are.`,
    );
    expect((await notificationsOf(ana.id)).map((x) => x.kind)).toEqual(["quote"]);
  });

  it("the members it mentions, by handle in any case or by display name, at most ten", async () => {
    const { sub } = await place();
    const writer = await member();
    const byHandle = await member();
    const byName = await member(`Rosa Luxemburg ${n}`);
    await post(writer, sub.id, `@${byHandle.handle.toUpperCase()} and @rosa luxemburg ${n - 0}, what do you think?`);
    expect((await notificationsOf(byHandle.id)).map((x) => x.kind)).toEqual(["mention"]);
    expect((await notificationsOf(byName.id)).map((x) => x.kind)).toEqual(["mention"]);

    const many = await Promise.all(Array.from({ length: 12 }, () => member()));
    await post(writer, sub.id, many.map((m) => `@${m.handle}`).join(" "));
    const counts = await Promise.all(many.map(async (m) => (await notificationsOf(m.id)).length));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(10);
  });

  it("the followers of its subheading and debate for a contribution; of its thread too for a reply", async () => {
    const { debate, sub } = await place();
    const [writer, subFan, debateFan, threadFan, stranger] = await Promise.all([
      member(),
      member(),
      member(),
      member(),
      member(),
    ]);
    await setFollow({ actor: subFan, targetType: "subheading", targetId: sub.id, level: "follow" });
    await setFollow({ actor: debateFan, targetType: "debate", targetId: debate.id, level: "follow" });
    // A member following both hears once.
    await setFollow({ actor: subFan, targetType: "debate", targetId: debate.id, level: "follow" });

    const contribution = await post(writer, sub.id, "A new contribution.");
    await setFollow({ actor: threadFan, targetType: "thread", targetId: contribution.id, level: "follow" });
    const reply = await post(stranger, sub.id, "A reply in that thread.", contribution.id);

    expect((await notificationsOf(subFan.id)).map((x) => [x.kind, x.postId])).toEqual([
      ["followed", contribution.id],
      ["followed", reply.id],
    ]);
    expect((await notificationsOf(debateFan.id)).map((x) => x.postId)).toEqual([contribution.id, reply.id]);
    expect((await notificationsOf(threadFan.id)).map((x) => [x.kind, x.postId])).toEqual([["followed", reply.id]]);
    // The writer follows their own thread by posting in it: the reply reaches them, as a reply.
    expect((await notificationsOf(writer.id)).map((x) => [x.kind, x.postId])).toEqual([["reply", reply.id]]);
  });

  it("one notification per member per post, with the strongest reason: a reply that quotes and mentions you", async () => {
    const { debate, sub } = await place();
    const [ana, ben] = [await member(), await member()];
    await setFollow({ actor: ana, targetType: "subheading", targetId: sub.id, level: "follow" });
    const first = await post(ana, sub.id, "The state withers away.");
    await post(
      ben,
      sub.id,
      `> The state withers away.\n>\n> — [Ana](/debates/${debate.slug}/posts/${first.id})\n\n@${ana.handle} I doubt it.`,
      first.id,
    );
    const got = await notificationsOf(ana.id);
    expect(got.map((x) => x.kind)).toEqual(["reply"]);
  });

  it("muting wins: over following, and over a reply or a mention in the muted place", async () => {
    const { debate, sub } = await place();
    const [ana, ben] = [await member(), await member()];
    await setFollow({ actor: ana, targetType: "subheading", targetId: sub.id, level: "follow" });
    const thread = await post(ben, sub.id, "A thread Ana will mute.");
    expect(await notificationsOf(ana.id)).toHaveLength(1);
    await setFollow({ actor: ana, targetType: "thread", targetId: thread.id, level: "mute" });
    await post(ben, sub.id, `More in the muted thread, @${ana.handle}.`, thread.id);
    expect(await notificationsOf(ana.id)).toHaveLength(1);

    await setFollow({ actor: ana, targetType: "thread", targetId: thread.id, level: "none" });
    const mine = await post(ana, sub.id, "Ana's own contribution.");
    await setFollow({ actor: ana, targetType: "debate", targetId: debate.id, level: "mute" });
    await post(ben, sub.id, "A reply to Ana, in a debate she muted.", mine.id);
    expect(await notificationsOf(ana.id)).toHaveLength(1);
  });

  it("nobody, when the post is hidden (or deleted, or its subheading archived) before the job runs", async () => {
    const { sub } = await place();
    const [ana, ben, mod] = [await member(), await member(), await moderator()];
    const first = await post(ana, sub.id, "Ana's contribution.");

    const hidden = await postOnly(ben, sub.id, `A rude reply, @${ana.handle}.`, first.id);
    await hidePost({ actor: mod, postId: hidden.id, reason: "Rude" });
    const deleted = await postOnly(ben, sub.id, "Deleted before anyone was told.", first.id);
    await db.post.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    const archived = await postOnly(ben, sub.id, "In a subheading archived at once.", first.id);
    await db.subheading.update({ where: { id: sub.id }, data: { archivedAt: new Date() } });

    await runAfterCommit([...hidden.after!, ...deleted.after!, ...archived.after!]);

    await notificationsSettled();
    expect(await notificationsOf(ana.id)).toEqual([]);
    // The jobs are done with, not left for the sweep to retry.
    const jobs = await db.notificationJob.findMany({
      where: { kind: "post", subjectId: { in: [hidden.id, deleted.id, archived.id] } },
    });
    expect(jobs.every((j) => j.processedAt !== null)).toBe(true);
  });

  it("never a banned member, nor an archive author (who has no account)", async () => {
    const { debate, sub } = await place();
    const [ana, ben, mod] = [await member(), await member(), await moderator()];
    const archived = await db.user.create({ data: { name: `Archive author ${n}`, importKey: `arch-${n}` } });
    const old = await db.post.create({
      data: { debateId: debate.id, subheadingId: sub.id, authorId: archived.id, body: "Old", bodyHtml: "<p>Old</p>" },
    });
    const first = await post(ana, sub.id, "Ana's contribution.");
    await setFollow({ actor: ana, targetType: "subheading", targetId: sub.id, level: "follow" });
    await banUser({ actor: mod, userId: ana.id, reason: "Spam" });

    await post(ben, sub.id, "A reply to a banned member.", first.id);
    await post(ben, sub.id, "A reply to an archive post.", old.id);
    expect((await notificationsOf(ana.id)).map((x) => x.kind)).toEqual([]);
    expect(await notificationsOf(archived.id)).toEqual([]);
  });
});

describe("moderators' actions", () => {
  it("tell the author why their post was hidden, that it was restored, and where it was moved", async () => {
    const { sub, other } = await place();
    const [ana, mod] = [await member(), await moderator()];
    const mine = await post(ana, sub.id, "Ana's contribution.");
    await runAfterCommit((await hidePost({ actor: mod, postId: mine.id, reason: "Personal attack" })).after);
    await notificationsSettled();
    await runAfterCommit((await restorePost({ actor: mod, postId: mine.id, reason: "On appeal" })).after);
    await notificationsSettled();
    await runAfterCommit((await movePost({ actor: mod, postId: mine.id, toSubheadingId: other.id })).after);
    await notificationsSettled();

    const got = await notificationsOf(ana.id);
    expect(got.map((x) => [x.kind, x.detail, x.postId])).toEqual([
      ["post_hidden", "Personal attack", mine.id],
      ["post_restored", "On appeal", mine.id],
      ["post_moved", other.title, mine.id],
    ]);
    expect(got.every((x) => x.dedupeKey.startsWith("mod:"))).toBe(true);
    const { items } = await listNotifications(ana.id, null);
    expect(items.map((i) => i.sentence)).toEqual([
      `Your post was moved to “${other.title}”`,
      "A moderator restored your post: On appeal",
      "A moderator hid your post: Personal attack",
    ]);
  });

  it("tell a member they were suspended (until when, why) or banned (why), and never a moderator about their own post", async () => {
    const { sub } = await place();
    const [ana, ben, mod] = [await member(), await member(), await moderator()];
    const suspended = await suspendUser({ actor: mod, userId: ana.id, hours: 24, reason: "Insults" });
    await runAfterCommit(suspended.after);
    await notificationsSettled();
    await runAfterCommit((await banUser({ actor: mod, userId: ben.id, reason: "Spam account" })).after);
    await notificationsSettled();
    const own = await post(mod, sub.id, "A moderator's own post.");
    await runAfterCommit((await hidePost({ actor: mod, postId: own.id, reason: "Off topic" })).after);
    await notificationsSettled();

    const [suspension] = (await listNotifications(ana.id, null)).items;
    expect(suspension!.sentence).toBe(
      `A moderator suspended your account until ${formatUtc(suspended.until)}: Insults.`,
    );
    expect((await listNotifications(ben.id, null)).items.map((i) => i.sentence)).toEqual([
      "A moderator banned your account: Spam account.",
    ]);
    expect(await notificationsOf(mod.id)).toEqual([]);
  });
});

describe("processing jobs", () => {
  it("is idempotent: the same job run again, or twice at once, notifies once", async () => {
    const { sub } = await place();
    const [ana, ben] = [await member(), await member()];
    const first = await post(ana, sub.id, "Ana's contribution.");
    const reply = await postOnly(ben, sub.id, "A reply.", first.id);
    const job = await db.notificationJob.findFirstOrThrow({ where: { kind: "post", subjectId: reply.id } });

    await Promise.all([
      processNotificationJobs({ jobIds: [job.id] }),
      processNotificationJobs({ jobIds: [job.id] }),
      processNotificationJobs({ minAgeMs: 0 }),
    ]);
    expect(await notificationsOf(ana.id)).toHaveLength(1);
    // As if a crash came after the rows were written but before the job was marked.
    await db.notificationJob.update({ where: { id: job.id }, data: { processedAt: null } });
    await processNotificationJobs({ jobIds: [job.id] });
    expect(await notificationsOf(ana.id)).toHaveLength(1);
  });

  it("stays exact under concurrent posting: every member gets exactly the posts that concern them", async () => {
    const { debate, sub } = await place();
    const [ana, follower] = [await member(), await member()];
    const first = await post(ana, sub.id, "Ana's contribution.");
    await setFollow({ actor: follower, targetType: "debate", targetId: debate.id, level: "follow" });
    const writers = await Promise.all(Array.from({ length: 12 }, () => member()));
    const made = await Promise.all(
      writers.map((w, i) =>
        i % 2 === 0 ? post(w, sub.id, `Reply ${i}`, first.id) : post(w, sub.id, `Contribution ${i}, cc @${ana.handle}`),
      ),
    );
    // A sweep racing the after-hooks changes nothing.
    await processNotificationJobs({ minAgeMs: 0 });

    const toAna = await notificationsOf(ana.id);
    expect(toAna.map((x) => x.postId).sort()).toEqual(made.map((m) => m.id).sort());
    expect(toAna.filter((x) => x.kind === "reply")).toHaveLength(6);
    expect(toAna.filter((x) => x.kind === "mention")).toHaveLength(6);
    const toFollower = await notificationsOf(follower.id);
    expect(toFollower.map((x) => x.postId).sort()).toEqual(made.map((m) => m.id).sort());
    for (const w of writers) {
      expect(
        (await notificationsOf(w.id)).filter((x) => made.some((m) => m.id === x.postId && x.actorId === w.id)),
      ).toEqual([]);
    }
  });

  it("records a failure on the job, and the sweep picks the job up later", async () => {
    const { sub } = await place();
    const [ana, ben] = [await member(), await member()];
    const first = await post(ana, sub.id, "Ana's contribution.");
    const failing = vi.spyOn(db.post, "findUnique").mockRejectedValueOnce(new Error("database hiccup"));
    const reply = await post(ben, sub.id, "A reply whose after-hook fails.", first.id);
    expect(failing).toHaveBeenCalled();
    const job = await db.notificationJob.findFirstOrThrow({ where: { kind: "post", subjectId: reply.id } });
    expect(job).toMatchObject({ processedAt: null, attempts: 1, lastError: "Error: database hiccup" });
    expect(await notificationsOf(ana.id)).toEqual([]);

    // Too young for the sweep: the after-hook may still be on it.
    await processNotificationJobs();
    expect(await notificationsOf(ana.id)).toEqual([]);
    await processNotificationJobs({ minAgeMs: 0 });
    expect((await notificationsOf(ana.id)).map((x) => x.postId)).toEqual([reply.id]);
    expect(await db.notificationJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      attempts: 2,
      lastError: null,
    });
  });

  it("gives up on a job after MAX_ATTEMPTS failures, keeping its last error", async () => {
    const { sub } = await place();
    const ana = await member();
    const made = await postOnly(ana, sub.id, "A post.");
    await db.notificationJob.updateMany({ where: { subjectId: made.id }, data: { attempts: MAX_ATTEMPTS } });
    expect(await processNotificationJobs({ minAgeMs: 0 })).toBe(0);
  });

  it("tells each member's open pages (live) only once the rows are written, and a delivery failure loses nothing", async () => {
    const { sub } = await place();
    const [ana, ben] = [await member(), await member()];
    const first = await post(ana, sub.id, "Ana's contribution.");
    const delivered = vi.spyOn(notificationHooks, "delivered").mockRejectedValue(new Error("Redis is down"));
    const reply = await post(ben, sub.id, "A reply.", first.id);
    expect(delivered).toHaveBeenCalledWith([ana.id]);
    expect(await notificationsOf(ana.id)).toHaveLength(1);
    const job = await db.notificationJob.findFirstOrThrow({ where: { subjectId: reply.id } });
    expect(job.processedAt).not.toBeNull();
  });
});

describe("following", () => {
  it("posting in a thread follows it, unless the member turned that off, and never undoes a mute", async () => {
    const { sub } = await place();
    const [ana, ben, cleo] = [await member(), await member(), await member()];
    const thread = await post(ana, sub.id, "Ana starts a thread.");
    await post(ben, sub.id, "Ben joins in.", thread.id);
    await setFollowOwnThreads({ actor: cleo, followOwnThreads: false });
    await post(cleo, sub.id, "Cleo joins in too.", thread.id);
    const level = async (userId: string) =>
      (await db.follow.findFirst({ where: { userId, targetType: "thread", targetId: thread.id } }))?.level ?? null;
    expect([await level(ana.id), await level(ben.id), await level(cleo.id)]).toEqual(["follow", "follow", null]);

    await setFollow({ actor: ben, targetType: "thread", targetId: thread.id, level: "mute" });
    await post(ben, sub.id, "Ben again.", thread.id);
    expect(await level(ben.id)).toBe("mute");
  });

  it("refuses to follow what does not exist, or a reply (threads are named by their top post)", async () => {
    const { sub } = await place();
    const ana = await member();
    const thread = await post(ana, sub.id, "A thread.");
    const reply = await post(ana, sub.id, "A reply.", thread.id);
    await expect(setFollow({ actor: ana, targetType: "thread", targetId: reply.id, level: "follow" })).rejects.toThrow(
      /does not exist/,
    );
    await expect(setFollow({ actor: ana, targetType: "debate", targetId: "nope", level: "follow" })).rejects.toThrow(
      /does not exist/,
    );
  });
});

describe("the notifications page's reads and marks", () => {
  it("pages newest first by keyset, says what happened, and shows no content of a post removed since", async () => {
    const { sub } = await place();
    const [ana, ben, mod] = [await member("Ana Page"), await member("Ben Page"), await moderator()];
    const first = await post(ana, sub.id, "Ana's contribution.");
    const replies = [];
    for (let i = 0; i < 23; i++) {
      const other = await member();
      replies.push(await post(other, sub.id, `Reply number ${i}`, first.id));
    }
    const last = await post(ben, sub.id, "Ben's reply, soon hidden.", first.id);
    await hidePost({ actor: mod, postId: last.id, reason: "Spam" });

    const one = await listNotifications(ana.id, null);
    expect(one.items).toHaveLength(20);
    expect(one.items[0]).toMatchObject({
      sentence: `Ben Page replied to your post in “${sub.title}”`,
      removed: true,
      excerpt: null,
      read: false,
    });
    expect(one.items[0]!.href).toContain(`/posts/${last.id}#post-${last.id}`);
    expect(one.items[1]!.excerpt).toBe("Reply number 22");
    const two = await listNotifications(ana.id, one.nextCursor);
    expect(two.items).toHaveLength(4);
    expect(two.nextCursor).toBeNull();
    const ids = [...one.items, ...two.items].map((i) => i.id);
    expect(new Set(ids).size).toBe(24);
    expect(await unreadNotificationCount(ana.id)).toBe(24);
  });

  it("marks one read (only the member's own) and all read", async () => {
    const { sub } = await place();
    const [ana, ben] = [await member(), await member()];
    const first = await post(ana, sub.id, "Ana's contribution.");
    await post(ben, sub.id, "One.", first.id);
    const second = await post(ana, sub.id, "Another.");
    await post(ben, sub.id, "Two.", second.id);
    const [one] = (await listNotifications(ana.id, null)).items;

    await expect(markNotificationRead({ actor: ben, notificationId: one!.id })).rejects.toThrow(/does not exist/);
    expect(await unreadNotificationCount(ana.id)).toBe(2);
    await markNotificationRead({ actor: ana, notificationId: one!.id });
    expect(await unreadNotificationCount(ana.id)).toBe(1);
    await markAllNotificationsRead({ actor: ana });
    expect(await unreadNotificationCount(ana.id)).toBe(0);
  });
});
