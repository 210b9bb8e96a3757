// A small world in which every mutation can succeed, the kinds of caller that try them, and what
// each mutation is sent. Shared by the authorization tests and the tag-coverage test.
import { hashPassword } from "@/server/auth/password";
import { registeredActions, type RegisteredAction } from "@/server/http/action";
import { db } from "@/server/db";
import { insertPost } from "@/server/posts/insert-post";
import { write } from "@/server/write";
import { setRequestHeaders } from "./next-headers";
import { sessionCookie } from "./session-cookie";

export type Caller = "anonymous" | "member" | "author" | "suspended" | "moderator" | "admin";
export const CALLERS: Caller[] = ["anonymous", "member", "author", "suspended", "moderator", "admin"];
const SIGNED_IN: Caller[] = ["member", "author", "suspended", "moderator", "admin"];
const STAFF: Caller[] = ["moderator", "admin"];
export const PASSWORD = "the caller's own password";
export const SITE = "http://localhost:3000";

let passwordHash: string | null = null;
let n = 0;

export async function makeWorld() {
  passwordHash ??= await hashPassword(PASSWORD);
  const tag = `${Date.now().toString(36)}-${++n}`;
  const user = (name: string, extra: Record<string, unknown> = {}) =>
    db.user.create({
      data: {
        name: `${name} ${tag}`,
        email: `${name}-${tag}@example.test`,
        passwordHash,
        createdAt: new Date(Date.now() - 7 * 86400_000),
        // A profile of their own (/people/<handle>), and the name @mentions match.
        handle: `${name}-${tag}`,
        ...extra,
      },
    });
  const people = {
    member: await user("member"),
    author: await user("author"),
    suspended: await user("suspended", { suspendedUntil: new Date(Date.now() + 86400_000), suspendReason: "testing" }),
    moderator: await user("moderator", { role: "MODERATOR" }),
    admin: await user("admin", { role: "ADMIN" }),
  };
  const target = await user("target");
  const restricted = await user("restricted", { bannedAt: new Date(), suspendReason: "spam" });
  const debate = await db.debate.create({
    data: {
      slug: `debate-${tag}`,
      title: "Matrix",
      body: "x",
      bodyHtml: "<p>x</p>",
      subheadings: {
        create: [
          { slug: "a", title: "A", position: 1 },
          { slug: "b", title: "B", position: 2 },
        ],
      },
    },
    include: { subheadings: { orderBy: { position: "asc" } } },
  });
  const [a, b] = debate.subheadings;
  const post = (subheadingId: string, authorId: string, body: string, parentId?: string) =>
    write((w) => insertPost(w, { subheadingId, authorId, body, parentId }));
  const mine = await post(a!.id, people.author.id, "The author's post.");
  const reply = await post(a!.id, target.id, "A reply to the author.", mine.id);
  const hidden = await post(a!.id, target.id, "Hidden.");
  await db.post.update({ where: { id: hidden.id }, data: { hiddenAt: new Date(), hiddenReason: "spam" } });
  const reported = await post(b!.id, target.id, "Reported.");
  await db.report.create({ data: { postId: reported.id, reporterId: target.id, reason: "Rude" } });
  // The author's own notification (of the reply): only they may mark it read.
  const notification = await db.notification.create({
    data: {
      userId: people.author.id,
      kind: "reply",
      dedupeKey: `post:${reply.id}`,
      postId: reply.id,
      actorId: target.id,
    },
  });
  // Proposals (server/proposals/), both the author's: one open, one closed (its time passed).
  const proposal = (closesAt: Date, closedAt: Date | null) =>
    db.proposal.create({
      data: {
        debateId: debate.id,
        subheadingId: a!.id,
        authorId: people.author.id,
        statement: "We adopt the commons licence.",
        closesAt,
        closedAt,
      },
    });
  const openProposal = await proposal(new Date(Date.now() + 86400_000), null);
  const closedProposal = await proposal(new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
  // A synthesis of subheading A (server/synthesis/) at version 1, quoting the author's post (a
  // card: edits of that post change it), with an open proposed edit by the author.
  const synthesis = await db.synthesis.create({
    data: {
      debateId: debate.id,
      subheadingId: a!.id,
      scopeKey: `subheading:${a!.id}`,
      body: `Where we stand.\n\n[quote](/debates/${debate.slug}/posts/${mine.id})`,
      bodyHtml: `<p>Where we stand.</p>\n<p><a href="/debates/${debate.slug}/posts/${mine.id}">quote</a></p>`,
      version: 1,
      versions: {
        create: { number: 1, status: "open", body: "Where we stand.", bodyHtml: "<p>Where we stand.</p>" },
      },
    },
  });
  const synthesisProposal = await db.synthesisProposal.create({
    data: {
      synthesisId: synthesis.id,
      authorId: people.author.id,
      baseVersion: 1,
      body: "Where we stand now.",
      bodyHtml: "<p>Where we stand now.</p>",
    },
  });
  return {
    tag,
    people,
    synthesisProposalId: synthesisProposal.id,
    openProposalId: openProposal.id,
    closedProposalId: closedProposal.id,
    debateId: debate.id,
    debateSlug: debate.slug,
    subheadingA: a!.id,
    subheadingB: b!.id,
    postId: mine.id,
    replyId: reply.id,
    hiddenPostId: hidden.id,
    reportedPostId: reported.id,
    targetId: target.id,
    restrictedId: restricted.id,
    notificationId: notification.id,
  };
}
export type World = Awaited<ReturnType<typeof makeWorld>>;

/** The next action or route call comes from this site, as `caller`, with a real session cookie. */
export async function callAs(caller: Caller, world: World, origin: string | null = SITE): Promise<Headers> {
  const headers = new Headers({ host: "localhost:3000" });
  if (origin) headers.set("origin", origin);
  if (caller !== "anonymous") headers.set("cookie", await sessionCookie(world.people[caller].id));
  setRequestHeaders(headers);
  return headers;
}

type Fields = Record<string, string | string[]>;
/** Each Server Action: who may use it, and a form that succeeds when they do. */
export const ACTIONS: Record<string, { allow: Caller[]; form: (w: World) => Fields }> = {
  signUpAction: {
    allow: CALLERS,
    // A name of its own in each world: display names are unique (server/users/display-name.ts).
    form: (w) => ({
      name: `Newcomer ${w.tag}`,
      email: `new-${w.tag}@example.test`,
      password: "a long and unusual passphrase",
    }),
  },
  signOutEverywhereAction: { allow: SIGNED_IN, form: () => ({}) },
  // Each member's own email setting (server/email/preference.ts); a suspended member may choose too.
  setEmailPreferenceAction: { allow: SIGNED_IN, form: () => ({ preference: "digest" }) },
  updateProfileAction: {
    allow: ["member", "author", "moderator", "admin"],
    form: (w) => ({ name: `Renamed ${w.tag}`, handle: `renamed-${w.tag}`, bio: "I argue for **commons**." }),
  },
  changePasswordAction: {
    allow: SIGNED_IN,
    form: () => ({ currentPassword: PASSWORD, newPassword: "another long passphrase" }),
  },
  createPostAction: {
    allow: ["member", "author", "moderator", "admin"],
    form: (w) => ({ subheadingId: w.subheadingA, parentId: w.postId, body: "A reply." }),
  },
  editPostAction: {
    allow: ["author", "moderator", "admin"],
    form: (w) => ({ postId: w.postId, body: "Edited words." }),
  },
  deletePostAction: { allow: ["author"], form: (w) => ({ postId: w.postId }) },
  reportPostAction: {
    allow: ["member", "moderator", "admin"],
    form: (w) => ({ postId: w.postId, reason: "Off topic here." }),
  },
  hidePostAction: { allow: STAFF, form: (w) => ({ postId: w.postId, reason: "Abusive language" }) },
  restorePostAction: { allow: STAFF, form: (w) => ({ postId: w.hiddenPostId }) },
  movePostAction: { allow: STAFF, form: (w) => ({ postId: w.replyId, toSubheadingId: w.subheadingB }) },
  pinPostAction: { allow: STAFF, form: (w) => ({ postId: w.postId, pinned: "true" }) },
  setLockAction: { allow: STAFF, form: (w) => ({ subheadingId: w.subheadingA, locked: "true" }) },
  setSlowModeAction: { allow: STAFF, form: (w) => ({ debateId: w.debateId, seconds: "60" }) },
  dismissReportsAction: { allow: STAFF, form: (w) => ({ postId: w.reportedPostId }) },
  suspendUserAction: {
    allow: STAFF,
    form: (w) => ({ userId: w.targetId, hours: "24", reason: "Repeated insults", reportPostId: w.reportedPostId }),
  },
  banUserAction: { allow: STAFF, form: (w) => ({ userId: w.targetId, reason: "Spam account" }) },
  liftRestrictionsAction: { allow: STAFF, form: (w) => ({ userId: w.restrictedId }) },
  setRoleAction: { allow: ["admin"], form: (w) => ({ userId: w.targetId, role: "MODERATOR" }) },
  createDebateAction: {
    allow: STAFF,
    form: (w) => ({ title: `A new debate ${w.tag}`, body: "Opening.", subheading: ["One", "Two", "Three"] }),
  },
  addSubheadingAction: { allow: STAFF, form: (w) => ({ debateId: w.debateId, title: "Another part" }) },
  renameSubheadingAction: { allow: STAFF, form: (w) => ({ subheadingId: w.subheadingA, title: "A better name" }) },
  reorderSubheadingAction: { allow: STAFF, form: (w) => ({ subheadingId: w.subheadingB, direction: "up" }) },
  archiveSubheadingAction: { allow: STAFF, form: (w) => ({ subheadingId: w.subheadingB, archived: "true" }) },
  setFollowAction: {
    allow: SIGNED_IN,
    form: (w) => ({ targetType: "subheading", targetId: w.subheadingA, level: "follow" }),
  },
  setFollowOwnThreadsAction: { allow: SIGNED_IN, form: () => ({ followOwnThreads: "false" }) },
  markNotificationReadAction: { allow: ["author"], form: (w) => ({ notificationId: w.notificationId }) },
  markAllNotificationsReadAction: { allow: SIGNED_IN, form: () => ({}) },
  // Agreement marks (server/marks/): anyone unrestricted on someone else's visible post (the author's here).
  markPostAction: { allow: ["member", "moderator", "admin"], form: (w) => ({ postId: w.postId, value: "agree" }) },
  // A reply's type: its author or staff; the world's reply is the target's, so staff here (the
  // author's own retype is tested in server/marks/marks.test.ts).
  retypeReplyAction: { allow: STAFF, form: (w) => ({ postId: w.replyId, replyType: "challenges" }) },
  // Proposals: any unrestricted member proposes and votes; staff close early; the opener (the
  // author) or staff record the outcome of a closed one.
  createProposalAction: {
    allow: ["member", "author", "moderator", "admin"],
    form: (w) => ({
      subheadingId: w.subheadingA,
      statement: "We meet monthly.",
      closesAt: new Date(Date.now() + 2 * 3600_000).toISOString(),
    }),
  },
  castVoteAction: {
    allow: ["member", "author", "moderator", "admin"],
    form: (w) => ({ proposalId: w.openProposalId, value: "block", reason: "Too soon." }),
  },
  closeProposalAction: { allow: STAFF, form: (w) => ({ proposalId: w.openProposalId }) },
  recordOutcomeAction: {
    allow: ["author", "moderator", "admin"],
    form: (w) => ({ proposalId: w.closedProposalId, outcome: "Adopted." }),
  },
  markDebateReadAction: { allow: SIGNED_IN, form: (w) => ({ debateId: w.debateId, upTo: new Date().toISOString() }) },
  // Syntheses (server/synthesis/): staff (and the debate's opener: none here) edit and decide;
  // members who posted in the subheading (the author) propose; the proposer (the author) withdraws.
  editSynthesisAction: {
    allow: STAFF,
    form: (w) => ({
      debateId: w.debateId,
      subheadingId: w.subheadingA,
      body: "An edited synthesis.",
      status: "converging",
      baseVersion: "1",
    }),
  },
  proposeSynthesisEditAction: {
    allow: ["author", "moderator", "admin"],
    form: (w) => ({
      debateId: w.debateId,
      subheadingId: w.subheadingA,
      body: "A proposed synthesis.",
      baseVersion: "1",
    }),
  },
  decideProposalAction: {
    allow: STAFF,
    form: (w) => ({ proposalId: w.synthesisProposalId, decision: "accept", decisionNote: "Clearer." }),
  },
  withdrawProposalAction: { allow: ["author"], form: (w) => ({ proposalId: w.synthesisProposalId }) },
};

export function toFormData(fields: Fields): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
  return data;
}

/**
 * Every action the guard registered, named by the export it is: loading the action modules makes
 * each register itself. An export that did not go through the guard, or a registered action no
 * module exports, has no name here (and the tests that compare with ACTIONS fail).
 */
export function loadActions(): Map<string, RegisteredAction> {
  const modules = import.meta.glob<Record<string, unknown>>(
    ["../server/actions/*.ts", "!../server/actions/*.test.ts"],
    {
      eager: true,
    },
  );
  const byExport = new Map<string, RegisteredAction>();
  for (const exports of Object.values(modules)) {
    for (const [name, value] of Object.entries(exports)) {
      const registered = registeredActions().find((a) => a.run === value);
      if (registered) byExport.set(name, registered);
    }
  }
  return byExport;
}
