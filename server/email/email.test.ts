import nodemailer from "nodemailer";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as oneClick, GET as oneClickGet } from "@/app/email/unsubscribe/one-click/route";
import { EmailSettingsOfViewer } from "@/app/account/email-settings";
import { db } from "@/server/db";
import { createDebate, createMember, createUser, addPost } from "@/test/factories";
import { startMailCatcher, type CaughtMail } from "@/test/mail-catcher";
import { setRequestHeaders } from "@/test/next-headers";
import { sessionCookie } from "@/test/session-cookie";
import { proposalPath, synthesisHistoryPath } from "@/lib/synthesis";
import { setFollow } from "@/server/follows/set-follow";
import { notificationsSettled } from "@/server/notifications/jobs";
import { decideProposal, proposeSynthesisEdit } from "@/server/synthesis/proposals";
import { runAfterCommit } from "@/server/write";
import { setEmailPreference } from "./preference";
import { DIGEST_ITEMS, sendPendingEmails } from "./send-pending";
import { emailEnabled } from "./transport";
import { unsubscribeToken, verifyUnsubscribeToken } from "./unsubscribe-token";

vi.mock("next/headers", () => import("@/test/next-headers"));
vi.mock("next/server", () => ({ connection: async () => undefined }));

const ORIGIN = "http://localhost:3000";
const catcher = await startMailCatcher();
const transport = nodemailer.createTransport(catcher.url);
afterAll(async () => {
  transport.close();
  await catcher.close();
});
beforeEach(() => void (catcher.mails.length = 0));

const send = (now?: Date) => sendPendingEmails({ transport, now });
const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
const mailsTo = (email: string | null) => catcher.mails.filter((m) => m.to.includes(email!));

let keys = 0;
/** What the notification step writes (server/notifications): one row per member and post. */
function notify(
  userId: string,
  fields: {
    kind?: string;
    postId?: string | null;
    actorId?: string | null;
    debateId?: string;
    createdAt?: Date;
    detail?: string;
    readAt?: Date;
  },
) {
  return db.notification.create({
    data: { userId, kind: "reply", dedupeKey: `test:${++keys}`, ...fields },
  });
}

/** A debate, a post by `author`, and a reply to it by a member called `replier`. */
async function replyScene(preference: "none" | "each" | "digest", { replier = "Ana" } = {}) {
  const debate = await createDebate({ subheadings: 1 });
  const author = await db.user.update({
    where: { id: (await createMember()).id },
    data: { emailPreference: preference, digestSentAt: preference === "digest" ? hoursAgo(25) : null },
  });
  const ana = await createUser(`${replier} ${++keys}`);
  const post = await addPost({ subheadingId: debate.subheadings[0]!.id, authorId: author.id, body: "My claim." });
  const reply = await addPost({
    subheadingId: debate.subheadings[0]!.id,
    authorId: ana.id,
    parentId: post.id,
    body: "I **disagree** <with> you & yours.",
  });
  return { debate, author, ana, post, reply };
}

describe("an email for each reply or mention", () => {
  it("sends one email per reply notification, saying who replied where, with the links", async () => {
    const { debate, author, ana, reply } = await replyScene("each");
    await notify(author.id, { postId: reply.id, actorId: ana.id, debateId: debate.id });

    expect(await send()).toEqual({ sent: 1, digests: 0 });
    const [mail] = mailsTo(author.email);
    expect(catcher.mails).toHaveLength(1);
    expect(mail!.subject).toBe(`${ana.name} replied to you in “${debate.title}”`);
    const permalink = `${ORIGIN}/debates/${debate.slug}/posts/${reply.id}#post-${reply.id}`;
    expect(mail!.text).toContain(`Open it: ${permalink}`);
    expect(mail!.text).toContain("> I disagree you & yours.");
    // The HTML part escapes what members wrote.
    expect(mail!.html).toContain("I disagree you &amp; yours.");
    expect(mail!.html).toContain(`href="${permalink}"`);

    const token = unsubscribeToken(author.id);
    expect(mail!.headers.get("list-unsubscribe")).toBe(
      `<${ORIGIN}/email/unsubscribe/one-click?token=${encodeURIComponent(token)}>`,
    );
    expect(mail!.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(mail!.text).toContain(
      `Unsubscribe from all email: ${ORIGIN}/email/unsubscribe?token=${encodeURIComponent(token)}`,
    );
  });

  it("sends nothing to members who chose none, banned members, about a post since hidden, or old news", async () => {
    const none = await replyScene("none");
    await notify(none.author.id, { postId: none.reply.id, actorId: none.ana.id });
    const banned = await replyScene("each");
    await db.user.update({ where: { id: banned.author.id }, data: { bannedAt: new Date() } });
    await notify(banned.author.id, { postId: banned.reply.id, actorId: banned.ana.id });
    const hidden = await replyScene("each");
    await db.post.update({ where: { id: hidden.reply.id }, data: { hiddenAt: new Date(), hiddenReason: "spam" } });
    await notify(hidden.author.id, { postId: hidden.reply.id, actorId: hidden.ana.id });
    const followed = await replyScene("each");
    await notify(followed.author.id, { kind: "followed", postId: followed.reply.id, actorId: followed.ana.id });
    const stale = await replyScene("each");
    await notify(stale.author.id, { postId: stale.reply.id, actorId: stale.ana.id, createdAt: hoursAgo(30) });

    expect((await send()).sent).toBe(0);
    expect(catcher.mails).toEqual([]);
  });

  it("never sends one twice, whether run again or by several runs at once", async () => {
    const { debate, author, ana, post } = await replyScene("each");
    for (let i = 0; i < 6; i++) {
      const reply = await addPost({ subheadingId: debate.subheadings[0]!.id, authorId: ana.id, parentId: post.id });
      await notify(author.id, { kind: i % 2 ? "mention" : "reply", postId: reply.id, actorId: ana.id });
    }
    const runs = await Promise.all([send(), send(), send(), send()]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(6);
    await send();
    expect(mailsTo(author.email)).toHaveLength(6);
    expect(mailsTo(author.email).filter((m) => m.subject.startsWith(`${ana.name} mentioned you`))).toHaveLength(3);
  });

  it("tells of a moderator's action on the member's post, with the reason", async () => {
    const { debate, author, post } = await replyScene("each");
    await notify(author.id, { kind: "post_hidden", postId: post.id, debateId: debate.id, detail: "Off topic" });
    await send();
    const [mail] = mailsTo(author.email);
    expect(mail!.subject).toBe(`A moderator hid your post in “${debate.title}”`);
    expect(mail!.text).toContain("Reason: Off topic");
  });

  it("gives the claim back when the mail server says try later, not when it refuses the address", async () => {
    const later = await replyScene("each");
    const refused = await replyScene("each");
    const first = await notify(later.author.id, { postId: later.reply.id, actorId: later.ana.id });
    const second = await notify(refused.author.id, { postId: refused.reply.id, actorId: refused.ana.id });
    catcher.refuse(later.author.email!, 450);
    catcher.refuse(refused.author.email!, 550);
    expect((await send()).sent).toBe(0);
    const emailedAt = async (id: string) => (await db.notification.findUniqueOrThrow({ where: { id } })).emailedAt;
    expect(await emailedAt(first.id)).toBeNull();
    expect(await emailedAt(second.id)).not.toBeNull();
    // The next run tries the first again (and the other tests do not meet it).
    catcher.refuse(later.author.email!, 0);
    expect((await send()).sent).toBe(1);
    expect(mailsTo(later.author.email)).toHaveLength(1);
  });

  it("switching to each does not mail what piled up before", async () => {
    const { author, ana, reply } = await replyScene("none");
    await notify(author.id, { postId: reply.id, actorId: ana.id });
    await setEmailPreference({ actor: { ...(await createMember()), id: author.id }, preference: "each" });
    expect((await db.user.findUniqueOrThrow({ where: { id: author.id } })).emailPreference).toBe("each");
    expect((await send()).sent).toBe(0);
  });
});

describe("the daily digest", () => {
  it("sends once a day the unread notifications since the last digest, and nothing when there is nothing new", async () => {
    const { debate, author, ana, post, reply } = await replyScene("digest");
    const dayStart = (await db.user.findUniqueOrThrow({ where: { id: author.id } })).digestSentAt!;
    await notify(author.id, { postId: reply.id, actorId: ana.id, createdAt: hoursAgo(26) }); // before the last digest
    await notify(author.id, { postId: reply.id, actorId: ana.id, createdAt: hoursAgo(3) });
    const mention = await addPost({ subheadingId: debate.subheadings[0]!.id, authorId: ana.id, body: "Hey." });
    await notify(author.id, { kind: "mention", postId: mention.id, actorId: ana.id, createdAt: hoursAgo(2) });
    await notify(author.id, { kind: "followed", postId: post.id, actorId: ana.id, createdAt: hoursAgo(1) });
    await notify(author.id, {
      kind: "quote",
      postId: reply.id,
      actorId: ana.id,
      createdAt: hoursAgo(1),
      readAt: new Date(),
    });

    // Several instances at once: one digest.
    const runs = await Promise.all([send(), send(), send()]);
    expect(runs.reduce((n, r) => n + r.digests, 0)).toBe(1);
    const [digest] = mailsTo(author.email);
    expect(mailsTo(author.email)).toHaveLength(1);
    expect(digest!.subject).toBe("Debate Commons: 3 new notifications since your last digest");
    const lines = digest!.text.split("\n").filter((l) => l.startsWith("- "));
    expect(lines).toEqual([
      `- ${ana.name} posted under “Part 1” in “${debate.title}”.`,
      `- ${ana.name} mentioned you in “${debate.title}”.`,
      `- ${ana.name} replied to you in “${debate.title}”.`,
    ]);
    expect(digest!.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const sentAt = (await db.user.findUniqueOrThrow({ where: { id: author.id } })).digestSentAt!;
    expect(sentAt.getTime()).toBeGreaterThan(dayStart.getTime());

    // The same day: nothing more, even with something new.
    await notify(author.id, { postId: reply.id, actorId: ana.id });
    expect((await send()).digests).toBe(0);
    // A day later it goes out with only what is new.
    const tomorrow = new Date(Date.now() + 24 * 3600_000 + 60_000);
    expect((await send(tomorrow)).digests).toBe(1);
    const second = mailsTo(author.email)[1]!;
    expect(second.subject).toBe("Debate Commons: 1 new notification since your last digest");
    // And the day after, with nothing new, nothing is sent.
    expect((await send(new Date(tomorrow.getTime() + 24 * 3600_000 + 60_000))).digests).toBe(0);
    expect(mailsTo(author.email)).toHaveLength(2);
  });

  it("lists at most DIGEST_ITEMS and links to the rest", async () => {
    const { author, ana, reply } = await replyScene("digest");
    for (let i = 0; i < DIGEST_ITEMS + 5; i++) {
      await notify(author.id, { postId: reply.id, actorId: ana.id, createdAt: hoursAgo(5 - i / 100) });
    }
    await send();
    const [digest] = mailsTo(author.email);
    expect(digest!.text.split("\n").filter((l) => l.startsWith("- "))).toHaveLength(DIGEST_ITEMS);
    expect(digest!.text).toContain(`And 5 more: ${ORIGIN}/notifications`);
    expect(digest!.html).toContain(`>And 5 more</a>`);
  });
});

describe("syntheses", () => {
  it("mails a proposer the decision on their edit; a followed synthesis's change is digest news", async () => {
    const debate = await createDebate({ subheadings: 1 });
    const sub = debate.subheadings[0]!;
    const mod = { ...(await createMember()), role: "MODERATOR" as const };
    await db.user.update({ where: { id: mod.id }, data: { role: "MODERATOR" } });
    const withPreference = async (preference: "each" | "digest") => {
      const m = await createMember();
      await db.user.update({
        where: { id: m.id },
        data: { emailPreference: preference, digestSentAt: preference === "digest" ? hoursAgo(25) : null },
      });
      return { ...m, email: `${m.name}@example.test` };
    };
    const [proposer, eachFollower, digestFollower] = [
      await withPreference("each"),
      await withPreference("each"),
      await withPreference("digest"),
    ];
    for (const m of [eachFollower, digestFollower]) {
      await setFollow({ actor: m, targetType: "subheading", targetId: sub.id, level: "follow" });
    }
    await addPost({ subheadingId: sub.id, authorId: proposer.id, body: "I posted here." });
    const place = { debateId: debate.id, subheadingId: sub.id };
    const { id } = await proposeSynthesisEdit({
      actor: proposer,
      ...place,
      body: "Words.",
      note: null,
      baseVersion: 0,
    });
    const decided = await decideProposal({
      actor: mod,
      proposalId: id,
      decision: "accept",
      decisionNote: "Clearer <now>",
      confirmStale: false,
    });
    await runAfterCommit(decided.after);
    await notificationsSettled();

    await send();
    const [mail] = mailsTo(proposer.email);
    expect(mail!.subject).toBe(
      `${mod.name} accepted your proposed edit to the synthesis of “${sub.title}” in “${debate.title}”`,
    );
    expect(mail!.text).toContain(`Open it: ${ORIGIN}${proposalPath(debate.slug, sub.slug, id)}`);
    expect(mail!.text).toContain("Note: Clearer <now>");
    expect(mail!.html).toContain("Note: Clearer &lt;now&gt;");
    // News of a place followed waits for the digest.
    expect(mailsTo(eachFollower.email)).toEqual([]);
    const [digest] = mailsTo(digestFollower.email);
    expect(digest!.text).toContain(
      `- The synthesis of “${sub.title}” in “${debate.title}” was updated by ${mod.name}. Note: Clearer <now>\n` +
        `  ${ORIGIN}${synthesisHistoryPath(debate.slug, sub.slug, 2)}#v-1`,
    );
  });
});

describe("unsubscribing", () => {
  it("accepts only tokens this site signed for that member, in the current version", () => {
    const token = unsubscribeToken("user123");
    expect(verifyUnsubscribeToken(token)).toBe("user123");
    const [version, userId, mac] = token.split(".") as [string, string, string];
    const flip = (s: string) => (s[0] === "A" ? "B" : "A") + s.slice(1);
    for (const bad of [
      `${version}.other123.${mac}`,
      `${version}.${userId}.${flip(mac)}`,
      `${version}.${userId}.${mac.slice(1)}`,
      `${version}.${userId}.${mac}x`,
      `2.${userId}.${mac}`,
      `${version}.${userId}`,
      unsubscribeToken("user123", "another secret, another site"),
      "",
      "1..",
      null,
    ]) {
      expect(verifyUnsubscribeToken(bad), String(bad)).toBeNull();
    }
  });

  const oneClickRequest = (token: string, body: Record<string, string> = { "List-Unsubscribe": "One-Click" }) =>
    new Request(`${ORIGIN}/email/unsubscribe/one-click?token=${encodeURIComponent(token)}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(body).toString(),
    });
  const preferenceOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).emailPreference;

  it("turns email off on a mail client's one-click POST (RFC 8058), and on the page's button", async () => {
    const member = await db.user.update({
      where: { id: (await createMember()).id },
      data: { emailPreference: "each" },
    });
    const response = await oneClick(oneClickRequest(unsubscribeToken(member.id)));
    expect(response.status).toBe(200);
    expect(await preferenceOf(member.id)).toBe("none");

    const other = await db.user.update({
      where: { id: (await createMember()).id },
      data: { emailPreference: "digest" },
    });
    const fromPage = await oneClick(
      oneClickRequest(unsubscribeToken(other.id), { "List-Unsubscribe": "One-Click", from: "page" }),
    );
    expect(fromPage.status).toBe(303);
    expect(fromPage.headers.get("location")).toBe("/email/unsubscribe/done");
    expect(await preferenceOf(other.id)).toBe("none");
  });

  it("refuses a bad token with 400 and changes nothing; a GET never unsubscribes", async () => {
    const member = await db.user.update({
      where: { id: (await createMember()).id },
      data: { emailPreference: "each" },
    });
    const token = unsubscribeToken(member.id);
    const tampered = token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA");
    const refused = await oneClick(oneClickRequest(tampered));
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/not valid/);
    const refusedPage = await oneClick(oneClickRequest(tampered, { from: "page" }));
    expect(refusedPage.status).toBe(400);
    expect(refusedPage.headers.get("content-type")).toMatch(/text\/html/);
    expect(await refusedPage.text()).toContain("This unsubscribe link is not valid");

    const get = await oneClickGet(
      new Request(`${ORIGIN}/email/unsubscribe/one-click?token=${encodeURIComponent(token)}`),
    );
    expect(get.status).toBe(303);
    expect(get.headers.get("location")).toBe(`/email/unsubscribe?token=${encodeURIComponent(token)}`);
    expect(await preferenceOf(member.id)).toBe("each");
  });
});

describe("the email setting", () => {
  it("is not shown, and nothing is sent, without SMTP_URL", async () => {
    expect(emailEnabled()).toBe(false);
    const member = await createMember();
    setRequestHeaders(new Headers({ cookie: await sessionCookie(member.id) }));
    expect(await EmailSettingsOfViewer()).toBeNull();
    const { author, ana, reply } = await replyScene("each");
    await notify(author.id, { postId: reply.id, actorId: ana.id });
    expect(await sendPendingEmails()).toEqual({ sent: 0, digests: 0 });
    expect(catcher.mails).toEqual([]);
  });

  it("is shown with SMTP_URL, and the app's own transport sends through it", async () => {
    vi.resetModules();
    vi.stubEnv("SMTP_URL", catcher.url);
    try {
      const app = {
        transport: await import("./transport"),
        sender: await import("./send-pending"),
        settings: await import("@/app/account/email-settings"),
      };
      expect(app.transport.emailEnabled()).toBe(true);
      const member = await createMember();
      setRequestHeaders(new Headers({ cookie: await sessionCookie(member.id) }));
      expect(await app.settings.EmailSettingsOfViewer()).not.toBeNull();
      // Signed out: still nothing.
      setRequestHeaders(new Headers());
      expect(await app.settings.EmailSettingsOfViewer()).toBeNull();

      const { debate, author, ana, post, reply } = await replyScene("each");
      await notify(author.id, { postId: reply.id, actorId: ana.id });
      // Its first send also starts this module's sweep, whose first run may claim the mail first
      // (seen under CI load): whichever run sends it, it goes out once, through SMTP_URL.
      await app.sender.sendPendingEmails();
      app.sender.stopEmailSweep();
      await vi.waitFor(() =>
        expect(mailsTo(author.email).map((m: CaughtMail) => m.headers.get("from"))).toEqual([
          "Debate Commons <no-reply@localhost>",
        ]),
      );

      // End to end: a member replies; the notification step writes the row and wakes the sender.
      const { createPost } = await import("@/server/posts/create-post");
      const { processNotificationJobs } = await import("@/server/notifications/jobs");
      const replier = await createMember();
      const posted = await createPost({
        actor: replier,
        subheadingId: post.subheadingId,
        parentId: post.id,
        title: null,
        body: "Answering you.",
      });
      await processNotificationJobs({ minAgeMs: 0 });
      await vi.waitFor(() => expect(mailsTo(author.email)).toHaveLength(2), { timeout: 5000 });
      expect(mailsTo(author.email)[1]!.subject).toBe(`${replier.name} replied to you in “${debate.title}”`);
      expect(mailsTo(author.email)[1]!.text).toContain(`/posts/${posted.id}#post-${posted.id}`);
      app.sender.stopEmailSweep();
    } finally {
      vi.unstubAllEnvs();
    }
  }, 20_000);
});
