// Proposals (issue 12, as Loomio does them): the limits, the vote values, when one is closed, and
// their addresses. Pure and isomorphic: the client forms import these, never the schemas.
import type { AuthorView } from "./views";

/** The longest statement, in characters (plain text; line breaks kept). */
export const PROPOSAL_STATEMENT_MAX = 1_000;
/** The longest reason given with a vote, in characters. */
export const VOTE_REASON_MAX = 500;
/** The longest outcome, in characters. */
export const OUTCOME_MAX = 500;
/** A proposal closes at least an hour and at most 90 days after it is made. */
export const PROPOSAL_MIN_OPEN_MS = 60 * 60_000;
export const PROPOSAL_MAX_OPEN_MS = 90 * 86_400_000;
/** How many proposals one member may open in a day (counted inside the write, under lockKeys). */
export const PROPOSALS_PER_DAY = 5;
export const PROPOSAL_PACE_WINDOW_MS = 86_400_000;
/** How many of each kind a subheading page lists before linking to the full list. */
export const PROPOSALS_ON_SUBHEADING = 5;
/** How many proposals a page of the full list shows. */
export const PROPOSALS_PER_PAGE = 20;
/** How many votes (with names and reasons) a proposal page lists, newest first; the counts cover all. */
export const VOTES_SHOWN = 200;

export const VOTE_VALUES = ["agree", "abstain", "disagree", "block"] as const;
export type VoteValue = (typeof VOTE_VALUES)[number];
export const VOTE_LABELS: Record<VoteValue, string> = {
  agree: "Agree",
  abstain: "Abstain",
  disagree: "Disagree",
  block: "Block",
};
export const isVoteValue = (value: string): value is VoteValue => (VOTE_VALUES as readonly string[]).includes(value);

/** A proposal as every list and page shows it. `closed` is as of the read (closesAt passed counts). */
export type ProposalSummary = {
  id: string;
  statement: string;
  author: AuthorView;
  createdAt: Date;
  closesAt: Date;
  closedAt: Date | null;
  closed: boolean;
  /** Closed early by a moderator. */
  closedEarly: boolean;
  outcome: string | null;
  outcomeAt: Date | null;
  counts: Record<VoteValue, number>;
};

export type ProposalTiming = { closedAt: Date | null; closesAt: Date };

/**
 * Closed once closedAt is set (the schedule, or a moderator), and also from closesAt on even if the
 * scheduled step has not run yet: nothing may be voted on after the time.
 */
export function isProposalClosed(p: ProposalTiming, now = new Date()): boolean {
  return p.closedAt !== null || p.closesAt.getTime() <= now.getTime();
}

/** When it closed (or will): closedAt once set, else closesAt. */
export const closedTime = (p: ProposalTiming): Date => p.closedAt ?? p.closesAt;

/** The first words of a text, for one line (the outline, the log). */
export function firstWords(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const enc = encodeURIComponent;
/** A subheading's proposals, all of them, newest first (or the page after `cursor`). */
export const proposalsPath = (debateSlug: string, subheadingSlug: string, cursor?: string | null) =>
  `/debates/${debateSlug}/${subheadingSlug}/proposals${cursor ? `/after/${enc(cursor)}` : ""}`;
export const proposalPath = (debateSlug: string, subheadingSlug: string, proposalId: string) =>
  `/debates/${debateSlug}/${subheadingSlug}/proposals/${enc(proposalId)}`;
/** The signed-in member's own vote on a proposal (the page is cached, the same for everyone). */
export const proposalVoteApi = (proposalId: string) => `/api/me/proposal-votes?proposal=${enc(proposalId)}`;
