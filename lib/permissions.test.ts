import { describe, expect, it } from "vitest";
import {
  canSeeHidden,
  deleteRefusal,
  editRefusal,
  isStaff,
  markRefusal,
  moderateRefusal,
  postRefusal,
  proposalWithdrawRefusal,
  replyRefusal,
  reportRefusal,
  restrictionOf,
  restrictRefusal,
  retypeRefusal,
  roleRefusal,
  synthesisEditRefusal,
  synthesisProposeRefusal,
  closeRefusal,
  outcomeRefusal,
  proposeRefusal,
  voteRefusal,
  type Viewer,
} from "./permissions";

// Every kind of viewer against every rule. "author" is the member who wrote the post.
const viewers = {
  anonymous: null,
  member: { id: "member", role: "MEMBER", restriction: null },
  author: { id: "author", role: "MEMBER", restriction: null },
  suspended: { id: "suspended", role: "MEMBER", restriction: "Your account is suspended until …: testing" },
  moderator: { id: "moderator", role: "MODERATOR", restriction: null },
  admin: { id: "admin", role: "ADMIN", restriction: null },
} satisfies Record<string, Viewer>;
type Kind = keyof typeof viewers;
const KINDS = Object.keys(viewers) as Kind[];

const visible = { authorId: "author", state: "visible" as const };
const hidden = { authorId: "author", state: "hidden" as const };
const deleted = { authorId: "author", state: "deleted" as const };
const open = { locked: false };
const locked = { locked: true };

/** The viewers a rule allows (returns null for), in KINDS order. */
const allowed = (rule: (viewer: Viewer) => string | null) => KINDS.filter((kind) => rule(viewers[kind]) === null);

describe("permissions", () => {
  it("posting: signed-in members who are not restricted, in an open place", () => {
    expect(allowed((v) => postRefusal(v, open))).toEqual(["member", "author", "moderator", "admin"]);
    expect(allowed((v) => postRefusal(v, locked))).toEqual([]);
    expect(postRefusal(viewers.member, locked)).toMatch(/locked/);
    expect(postRefusal(viewers.suspended, open)).toMatch(/suspended/);
    expect(postRefusal(viewers.anonymous, open)).toMatch(/sign in/i);
  });

  it("replying: to a visible post only, in an open place", () => {
    expect(allowed((v) => replyRefusal(v, visible, open))).toEqual(["member", "author", "moderator", "admin"]);
    expect(allowed((v) => replyRefusal(v, visible, locked))).toEqual([]);
    expect(allowed((v) => replyRefusal(v, hidden, open))).toEqual([]);
    expect(allowed((v) => replyRefusal(v, deleted, open))).toEqual([]);
    expect(replyRefusal(viewers.member, visible, locked)).toMatch(/no longer replied to/);
  });

  it("editing: the author their visible post; staff any post not deleted; nobody restricted", () => {
    expect(allowed((v) => editRefusal(v, visible))).toEqual(["author", "moderator", "admin"]);
    expect(allowed((v) => editRefusal(v, hidden))).toEqual(["moderator", "admin"]);
    expect(allowed((v) => editRefusal(v, deleted))).toEqual([]);
    expect(editRefusal(viewers.member, visible)).toBe("You can only change your own posts.");
    expect(editRefusal(viewers.author, hidden)).toMatch(/hidden/);
    expect(editRefusal({ ...viewers.author, restriction: "banned" }, visible)).toBe("banned");
  });

  it("deleting: the author alone, not while suspended or banned, never a hidden or deleted post", () => {
    expect(allowed((v) => deleteRefusal(v, visible))).toEqual(["author"]);
    // Issue 8, finding 9: a banned member could still delete their posts.
    expect(deleteRefusal({ ...viewers.author, restriction: "Your account is banned: spam" }, visible)).toBe(
      "Your account is banned: spam",
    );
    expect(allowed((v) => deleteRefusal(v, hidden))).toEqual([]);
    expect(allowed((v) => deleteRefusal(v, deleted))).toEqual([]);
  });

  it("reporting: signed-in, unrestricted, someone else's post that still exists", () => {
    expect(allowed((v) => reportRefusal(v, visible))).toEqual(["member", "moderator", "admin"]);
    expect(allowed((v) => reportRefusal(v, hidden))).toEqual(["member", "moderator", "admin"]);
    expect(allowed((v) => reportRefusal(v, deleted))).toEqual([]);
    expect(reportRefusal(viewers.author, visible)).toBe("You cannot report your own post.");
  });

  it("marking: signed-in, unrestricted, someone else's visible post", () => {
    expect(allowed((v) => markRefusal(v, visible))).toEqual(["member", "moderator", "admin"]);
    expect(allowed((v) => markRefusal(v, hidden))).toEqual([]);
    expect(allowed((v) => markRefusal(v, deleted))).toEqual([]);
    expect(markRefusal(viewers.author, visible)).toBe("You cannot mark your own post.");
    expect(markRefusal(viewers.suspended, visible)).toMatch(/suspended/);
    expect(markRefusal(viewers.anonymous, visible)).toMatch(/sign in/i);
  });

  it("retyping a reply: its author while visible, staff unless deleted; never a contribution", () => {
    const reply = (post: typeof visible | typeof hidden | typeof deleted) => ({ ...post, parentId: "parent" });
    expect(allowed((v) => retypeRefusal(v, reply(visible)))).toEqual(["author", "moderator", "admin"]);
    expect(allowed((v) => retypeRefusal(v, reply(hidden)))).toEqual(["moderator", "admin"]);
    expect(allowed((v) => retypeRefusal(v, reply(deleted)))).toEqual([]);
    expect(allowed((v) => retypeRefusal(v, { ...visible, parentId: null }))).toEqual([]);
    expect(retypeRefusal(viewers.suspended, reply(visible))).toMatch(/suspended/);
  });

  it("moderating and seeing hidden posts: moderators and admins", () => {
    expect(allowed(moderateRefusal)).toEqual(["moderator", "admin"]);
    expect(KINDS.filter((k) => canSeeHidden(viewers[k]))).toEqual(["moderator", "admin"]);
    expect(KINDS.filter((k) => isStaff(viewers[k]))).toEqual(["moderator", "admin"]);
    expect(moderateRefusal(viewers.member)).toBe("Only moderators can do that.");
  });

  it("restricting: staff restrict members; only admins restrict staff; nobody themselves", () => {
    const member = { id: "someone", role: "MEMBER" as const };
    const moderator = { id: "other-moderator", role: "MODERATOR" as const };
    const admin = { id: "other-admin", role: "ADMIN" as const };
    expect(allowed((v) => restrictRefusal(v, member))).toEqual(["moderator", "admin"]);
    expect(allowed((v) => restrictRefusal(v, moderator))).toEqual(["admin"]);
    expect(allowed((v) => restrictRefusal(v, admin))).toEqual(["admin"]);
    expect(restrictRefusal(viewers.moderator, { id: "moderator", role: "MODERATOR" })).toMatch(/your own account/);
    expect(restrictRefusal(viewers.moderator, moderator)).toBe("Only an admin can restrict a moderator or admin.");
  });

  it("setting roles: admins only, never their own", () => {
    const member = { id: "someone", role: "MEMBER" as const };
    expect(allowed((v) => roleRefusal(v, member))).toEqual(["admin"]);
    expect(roleRefusal(viewers.admin, { id: "admin", role: "ADMIN" })).toMatch(/your own account/);
    expect(roleRefusal(viewers.moderator, member)).toBe("Only admins can do that.");
  });

  it("a synthesis: staff and the debate's opener edit it directly; nobody restricted", () => {
    expect(allowed((v) => synthesisEditRefusal(v, { openerId: "author" }))).toEqual(["author", "moderator", "admin"]);
    expect(allowed((v) => synthesisEditRefusal(v, { openerId: null }))).toEqual(["moderator", "admin"]);
    expect(allowed((v) => synthesisEditRefusal(v, { openerId: "suspended" }))).toEqual(["moderator", "admin"]);
    expect(synthesisEditRefusal(viewers.member, { openerId: "author" })).toMatch(/propose an edit/);
    expect(synthesisEditRefusal(viewers.anonymous, { openerId: "author" })).toMatch(/sign in/i);
  });

  it("a synthesis: members who posted in its place propose edits, as do those who may edit it", () => {
    const place = (hasPosted: boolean, scope: "debate" | "subheading" = "subheading") => ({
      openerId: "author",
      scope,
      hasPosted,
    });
    expect(allowed((v) => synthesisProposeRefusal(v, place(false)))).toEqual(["author", "moderator", "admin"]);
    expect(allowed((v) => synthesisProposeRefusal(v, place(true)))).toEqual(["member", "author", "moderator", "admin"]);
    expect(synthesisProposeRefusal(viewers.member, place(false))).toMatch(/posted under this subheading/);
    expect(synthesisProposeRefusal(viewers.member, place(false, "debate"))).toMatch(/taken part in this debate/);
    expect(synthesisProposeRefusal(viewers.suspended, place(true))).toMatch(/suspended/);
    // Locked: members no longer propose; moderators and the opener still finish the text.
    expect(allowed((v) => synthesisProposeRefusal(v, { ...place(true), locked: true }))).toEqual([
      "author",
      "moderator",
      "admin",
    ]);
    expect(synthesisProposeRefusal(viewers.member, { ...place(true), locked: true })).toMatch(/locked/);
  });

  it("a proposed edit: only its proposer withdraws it, while it is open", () => {
    const open = { authorId: "member", status: "open" };
    expect(allowed((v) => proposalWithdrawRefusal(v, open))).toEqual(["member"]);
    expect(allowed((v) => proposalWithdrawRefusal(v, { ...open, status: "accepted" }))).toEqual([]);
    expect(proposalWithdrawRefusal(viewers.moderator, open)).toBe("You can only withdraw your own proposals.");
  });

  it("a suspension restricts until it ends; a ban until it is lifted", () => {
    const now = new Date("2026-11-21T12:00:00Z");
    const until = new Date("2026-11-22T12:00:00Z");
    expect(restrictionOf({ bannedAt: null, suspendedUntil: null, suspendReason: null }, now)).toBeNull();
    expect(restrictionOf({ bannedAt: null, suspendedUntil: until, suspendReason: "rude" }, now)).toBe(
      "You are suspended until 22 November 2026, 12:00 UTC: rude.",
    );
    expect(restrictionOf({ bannedAt: null, suspendedUntil: until, suspendReason: null }, until)).toBeNull();
    expect(restrictionOf({ bannedAt: now, suspendedUntil: null, suspendReason: "spam" }, now)).toBe(
      "You are banned: spam.",
    );
    expect(restrictionOf({ bannedAt: now, suspendedUntil: null, suspendReason: "Spam, again!" }, now)).toBe(
      "You are banned: Spam, again!",
    );
    expect(restrictionOf({ bannedAt: now, suspendedUntil: null, suspendReason: null }, now)).toBe("You are banned.");
  });
});

describe("permissions: proposals", () => {
  const place = { locked: false, archived: false };
  const openProposal = { authorId: "author", closed: false };
  const closedProposal = { authorId: "author", closed: true };

  it("proposing: unrestricted members, in a subheading neither locked nor archived", () => {
    expect(allowed((v) => proposeRefusal(v, place))).toEqual(["member", "author", "moderator", "admin"]);
    expect(allowed((v) => proposeRefusal(v, { locked: true, archived: false }))).toEqual([]);
    expect(allowed((v) => proposeRefusal(v, { locked: false, archived: true }))).toEqual([]);
    expect(proposeRefusal(viewers.suspended, place)).toMatch(/suspended/);
    expect(proposeRefusal(viewers.anonymous, place)).toMatch(/sign in/i);
  });

  it("voting: unrestricted members while it is open, never in a locked place", () => {
    expect(allowed((v) => voteRefusal(v, openProposal, open))).toEqual(["member", "author", "moderator", "admin"]);
    expect(allowed((v) => voteRefusal(v, closedProposal, open))).toEqual([]);
    expect(allowed((v) => voteRefusal(v, openProposal, locked))).toEqual([]);
    expect(voteRefusal(viewers.member, closedProposal, open)).toMatch(/has closed/);
    expect(voteRefusal(viewers.suspended, openProposal, open)).toMatch(/suspended/);
  });

  it("closing early: moderators, while it is open", () => {
    expect(allowed((v) => closeRefusal(v, openProposal))).toEqual(["moderator", "admin"]);
    expect(allowed((v) => closeRefusal(v, closedProposal))).toEqual([]);
    expect(closeRefusal(viewers.moderator, closedProposal)).toMatch(/already closed/);
  });

  it("the outcome: its opener or a moderator, only once it has closed", () => {
    expect(allowed((v) => outcomeRefusal(v, closedProposal))).toEqual(["author", "moderator", "admin"]);
    expect(allowed((v) => outcomeRefusal(v, openProposal))).toEqual([]);
    expect(outcomeRefusal(viewers.author, openProposal)).toMatch(/once the proposal has closed/);
    expect(outcomeRefusal(viewers.member, closedProposal)).toMatch(/Only the member who made/);
    expect(outcomeRefusal({ ...viewers.author, restriction: "You are banned." }, closedProposal)).toBe(
      "You are banned.",
    );
  });
});
