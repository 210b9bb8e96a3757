"use server";

import { VOTE_LABELS } from "@/lib/proposals";
import { closeProposalSchema, createProposalSchema, outcomeSchema, voteSchema } from "@/lib/schemas/proposals";
import { action } from "../http/action";
import { castVote } from "../proposals/cast-vote";
import { closeProposal } from "../proposals/close-proposal";
import { createProposal } from "../proposals/create-proposal";
import { recordOutcome } from "../proposals/record-outcome";

/** A new proposal under a subheading; the browser then opens its page. */
export const createProposalAction = action(createProposalSchema, createProposal, (proposal) => ({
  message: "Proposal made.",
  id: proposal.id,
  redirectTo: proposal.path,
}));

/** A member's vote (agree, abstain, disagree, block) with an optional reason; changeable until it closes. */
export const castVoteAction = action(voteSchema, castVote, (result, input) => ({
  message: `${result.changed ? "Vote changed" : "Voted"}: ${VOTE_LABELS[input.value]}.`,
  data: { value: input.value, reason: input.reason },
}));

/** A moderator closes a proposal before its time. */
export const closeProposalAction = action(closeProposalSchema, closeProposal, "Proposal closed.");

/** The opener or a moderator records (or changes) a closed proposal's outcome. */
export const recordOutcomeAction = action(outcomeSchema, recordOutcome, "Outcome recorded.");
