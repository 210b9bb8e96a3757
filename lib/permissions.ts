// Who may do what: the one home of these rules. The server enforces them (server/ throws
// FORBIDDEN with the refusal as its message) and the browser uses the same functions to decide
// what to offer, so the two never disagree. Each rule returns null when the viewer may, and
// otherwise why not, in words for them.
import type { Role } from "@/generated/prisma/enums";
import { isStaff } from "./roles";
import { formatUtc } from "./utc-format";

/** Who is asking: null when signed out. `restriction` says why they may not write now (suspension, ban). */
export type Viewer = { id: string; role: Role; restriction: string | null } | null;

type PostFacts = { authorId: string | null; state: "visible" | "hidden" | "deleted" };
type Place = { locked: boolean };
type Member = { id: string; role: Role };

export type Refusal = string | null;

const SIGN_IN = "Please sign in first.";
const STAFF_ONLY = "Only moderators can do that.";

export { isStaff };

/** Why this member may not write now (suspended or banned), in words for them; null when they may. */
export function restrictionOf(
  user: { bannedAt: Date | null; suspendedUntil: Date | null; suspendReason: string | null },
  now = new Date(),
): string | null {
  if (user.bannedAt) return `You are banned${because(user.suspendReason)}`;
  if (user.suspendedUntil && user.suspendedUntil > now) {
    return `You are suspended until ${formatUtc(user.suspendedUntil)}${because(user.suspendReason)}`;
  }
  return null;
}

/** ": <reason>." as the end of a sentence (no second full stop when the reason has one), or ".". */
export function because(reason: string | null): string {
  const said = reason?.trim();
  if (!said) return ".";
  return /[.!?…]$/.test(said) ? `: ${said}` : `: ${said}.`;
}

/** Posting, replying, editing and reporting: signed in and not suspended or banned. */
export function writeRefusal(viewer: Viewer): Refusal {
  if (!viewer) return SIGN_IN;
  return viewer.restriction;
}

/** A new contribution or a reply in a place (its subheading and debate). */
export function postRefusal(viewer: Viewer, place: Place): Refusal {
  const writing = writeRefusal(viewer);
  if (writing) return writing;
  if (place.locked) return "This part of the debate is locked: it can be read, but no longer added to.";
  return null;
}

export function replyRefusal(viewer: Viewer, post: PostFacts, place: Place): Refusal {
  if (post.state !== "visible") return "That post has been removed, so it can't be replied to.";
  const writing = writeRefusal(viewer);
  if (writing) return writing;
  if (place.locked) return "Locked: this can be read, but no longer replied to.";
  return null;
}

/** Editing: the author their own visible post; moderators any post that is not deleted. */
export function editRefusal(viewer: Viewer, post: PostFacts): Refusal {
  const writing = writeRefusal(viewer);
  if (writing) return writing;
  if (post.state === "deleted") return "That post was deleted by its author.";
  if (isStaff(viewer)) return null;
  if (post.authorId !== viewer!.id) return "You can only change your own posts.";
  if (post.state === "hidden") return "A moderator has hidden this post, so it can't be changed.";
  return null;
}

/**
 * Withdrawing a post stays its author's alone, and not while suspended or banned: a banned
 * account must not be able to wipe the evidence a moderator acted on.
 */
export function deleteRefusal(viewer: Viewer, post: PostFacts): Refusal {
  const writing = writeRefusal(viewer);
  if (writing) return writing;
  if (post.state === "deleted") return "That post was deleted by its author.";
  if (post.authorId !== viewer!.id) return "You can only change your own posts.";
  if (post.state === "hidden") return "A moderator has hidden this post, so it can't be changed.";
  return null;
}

export function reportRefusal(viewer: Viewer, post: PostFacts): Refusal {
  const writing = writeRefusal(viewer);
  if (writing) return writing;
  if (post.state === "deleted") return "That post was deleted by its author.";
  if (post.authorId === viewer!.id) return "You cannot report your own post.";
  return null;
}

/**
 * Agree / disagree / pass on a post: signed in, not suspended or banned, a visible post, not one's
 * own. An author's mark on their own post would only ever agree: it would inflate every split and,
 * with few marks, reach the threshold at which counts show (lib/marks.ts) on its own.
 */
export function markRefusal(viewer: Viewer, post: PostFacts): Refusal {
  if (post.state !== "visible") return "That post has been removed, so it can't be marked.";
  const writing = writeRefusal(viewer);
  if (writing) return writing;
  if (post.authorId === viewer!.id) return "You cannot mark your own post.";
  return null;
}

/**
 * Changing how a reply relates to the post it answers: its author while it is visible, or a
 * moderator (logged) while it is not deleted. Only replies have a type.
 */
export function retypeRefusal(viewer: Viewer, post: PostFacts & { parentId: string | null }): Refusal {
  if (!post.parentId) return "Only a reply can say how it relates to a post.";
  return editRefusal(viewer, post);
}

/** Hiding, restoring, moving, pinning, locks, slow mode, reports, debates: moderators and admins. */
export function moderateRefusal(viewer: Viewer): Refusal {
  if (!viewer) return SIGN_IN;
  return isStaff(viewer) ? null : STAFF_ONLY;
}

/** Moderators see what they hid; readers see only that it was hidden. */
export const canSeeHidden = (viewer: Viewer): boolean => isStaff(viewer);

/** Suspending, banning, lifting: moderators restrict members; only admins restrict staff. */
export function restrictRefusal(viewer: Viewer, target: Member): Refusal {
  const staff = moderateRefusal(viewer);
  if (staff) return staff;
  if (target.id === viewer!.id) return "You cannot do that to your own account.";
  if (target.role !== "MEMBER" && viewer!.role !== "ADMIN") return "Only an admin can restrict a moderator or admin.";
  return null;
}

/** Granting and revoking moderator and admin: admins only, never on themselves. */
export function roleRefusal(viewer: Viewer, target: Member): Refusal {
  if (!viewer) return SIGN_IN;
  if (viewer.role !== "ADMIN") return "Only admins can do that.";
  if (target.id === viewer.id) return "You cannot do that to your own account.";
  return null;
}

/** A synthesis (lib/synthesis.ts): its place's facts as the rules need them. */
type SynthesisPlace = { openerId: string | null; scope: "debate" | "subheading"; locked?: boolean };

/** Editing a synthesis directly, setting its status, accepting or rejecting proposals: moderators and the debate's opener. */
export function synthesisEditRefusal(viewer: Viewer, place: Pick<SynthesisPlace, "openerId">): Refusal {
  const writing = writeRefusal(viewer);
  if (writing) return writing;
  if (isStaff(viewer) || (place.openerId !== null && place.openerId === viewer!.id)) return null;
  return "Only moderators and the member who opened this debate can change the synthesis directly. You can propose an edit instead.";
}

/**
 * Proposing an edit to a synthesis: whoever may edit it, and members who have a visible post in
 * its subheading (for the debate's own synthesis: anywhere in the debate).
 */
export function synthesisProposeRefusal(viewer: Viewer, place: SynthesisPlace & { hasPosted: boolean }): Refusal {
  const writing = writeRefusal(viewer);
  if (writing) return writing;
  if (synthesisEditRefusal(viewer, place) === null) return null;
  // A lock ends the discussion: its synthesis is then the moderators' and the opener's to finish.
  if (place.locked)
    return "This part of the debate is locked: its synthesis can be read, but no longer proposed edits.";
  if (place.hasPosted) return null;
  return place.scope === "debate"
    ? "Only members who have taken part in this debate can propose edits to its synthesis. Post in it first."
    : "Only members who have posted under this subheading can propose edits to its synthesis. Post here first.";
}

/** Withdrawing a proposed edit: its proposer, while it is still open. */
export function proposalWithdrawRefusal(
  viewer: Viewer,
  proposal: { authorId: string | null; status: string },
): Refusal {
  const writing = writeRefusal(viewer);
  if (writing) return writing;
  if (proposal.authorId !== viewer!.id) return "You can only withdraw your own proposals.";
  if (proposal.status !== "open") return "That proposal has already been decided or withdrawn.";
  return null;
}

type ProposalPlace = { locked: boolean; archived: boolean };
type ProposalFacts = { authorId: string | null; closed: boolean };

/** Opening a proposal under a subheading: like posting, and never in an archived one. */
export function proposeRefusal(viewer: Viewer, place: ProposalPlace): Refusal {
  const writing = writeRefusal(viewer);
  if (writing) return writing;
  if (place.archived) return "This subheading is archived: it can be read, but no longer added to.";
  if (place.locked) return "This part of the debate is locked: no new proposals can be made here.";
  return null;
}

/** Voting (or changing one's vote) while the proposal is open, in a place that is not locked. */
export function voteRefusal(viewer: Viewer, proposal: ProposalFacts, place: { locked: boolean }): Refusal {
  const writing = writeRefusal(viewer);
  if (writing) return writing;
  if (proposal.closed) return "This proposal has closed: votes can no longer be cast or changed.";
  if (place.locked) return "This part of the debate is locked: votes can no longer be cast or changed.";
  return null;
}

/** Closing a proposal before its time: moderators, while it is open. */
export function closeRefusal(viewer: Viewer, proposal: ProposalFacts): Refusal {
  const staff = moderateRefusal(viewer);
  if (staff) return staff;
  if (proposal.closed) return "This proposal has already closed.";
  return null;
}

/** Recording or changing the outcome: once it has closed, the member who opened it or a moderator. */
export function outcomeRefusal(viewer: Viewer, proposal: ProposalFacts): Refusal {
  const writing = writeRefusal(viewer);
  if (writing) return writing;
  if (!isStaff(viewer) && proposal.authorId !== viewer!.id) {
    return "Only the member who made this proposal, or a moderator, can record its outcome.";
  }
  if (!proposal.closed) return "The outcome can be recorded once the proposal has closed.";
  return null;
}
