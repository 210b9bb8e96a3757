"use client";

import { lazyForMembers } from "@/components/lazy-component";
import { isStaff } from "@/lib/permissions";

// The proposal forms load only for those who may use them (a reader downloads none of them), from
// one chunk (proposal-forms.tsx).
const forms = () => import("./proposal-forms");

export type NewProposalProps = { subheadingId: string };
export type VoteProps = { proposalId: string; closesAt: string; closed: boolean };
export type OutcomeProps = { proposalId: string; authorId: string | null; closed: boolean; outcome: string | null };
export type CloseProps = { proposalId: string };

/** "Make a proposal" under a subheading: members who may write. */
export const NewProposal = lazyForMembers<NewProposalProps>(
  () => forms().then((m) => m.NewProposalForm),
  (viewer) => !viewer.restriction,
);

/** The member's vote, from their current one; nothing once it has closed (by the reader's clock too). */
export const VotePanel = lazyForMembers<VoteProps>(
  () => forms().then((m) => m.VoteForm),
  (viewer) => !viewer.restriction,
);

/** Recording the outcome: the opener or a moderator, once closed. */
export const OutcomePanel = lazyForMembers<OutcomeProps>(
  () => forms().then((m) => m.OutcomeForm),
  // (Props are not known here: the form checks the rule itself with them.)
  () => true,
);

/** Closing before its time: moderators. */
export const CloseEarly = lazyForMembers<CloseProps>(() => forms().then((m) => m.CloseForm), isStaff);
