import "server-only";
import { VOTES_SHOWN, type VoteValue } from "@/lib/proposals";
import type { AuthorView } from "@/lib/views";
import type { DbTx } from "../db";
import { authorSelect, toAuthorView } from "../posts/post-view";
import { loadPeople, proposalSelect, toSummary, type ProposalSummary } from "./proposal-view";

export type ProposalVoteView = { voter: AuthorView; value: VoteValue; reason: string | null; at: Date };

export type ProposalPage = {
  debate: { id: string; slug: string; title: string; locked: boolean };
  subheading: { id: string; slug: string; title: string; locked: boolean };
  proposal: ProposalSummary & {
    authorId: string | null;
    closedBy: AuthorView;
    outcomeBy: AuthorView;
    /** Votes are public, with names (as Loomio shows them): the newest VOTES_SHOWN, latest change first. */
    votes: ProposalVoteView[];
  };
};

/** Where a proposal lives now, when the address named another (a renamed subheading). */
export type ProposalMoved = { moved: { debateId: string; debateSlug: string; subheadingSlug: string } };

/** A proposal's page: the statement, counts, the votes with reasons, the outcome. */
export async function getProposal(
  tx: DbTx,
  debateSlug: string,
  subheadingSlug: string,
  proposalId: string,
  now = new Date(),
): Promise<ProposalPage | ProposalMoved | null> {
  const row = await tx.proposal.findUnique({
    where: { id: proposalId },
    select: {
      ...proposalSelect,
      debate: { select: { id: true, slug: true, title: true, locked: true } },
      subheading: { select: { id: true, slug: true, title: true, locked: true, archivedAt: true } },
      votes: {
        orderBy: [{ updatedAt: "desc" }, { userId: "asc" }],
        take: VOTES_SHOWN,
        select: { value: true, reason: true, updatedAt: true, user: { select: authorSelect } },
      },
    },
  });
  if (!row || row.debate.slug !== debateSlug || row.subheading.archivedAt !== null) return null;
  if (row.subheading.slug !== subheadingSlug) {
    return { moved: { debateId: row.debate.id, debateSlug: row.debate.slug, subheadingSlug: row.subheading.slug } };
  }
  const people = await loadPeople(tx, [row.authorId, row.closedById, row.outcomeById]);
  const { debate, subheading, votes, ...proposal } = row;
  return {
    debate,
    subheading: { id: subheading.id, slug: subheading.slug, title: subheading.title, locked: subheading.locked },
    proposal: {
      ...toSummary(proposal, people, now),
      authorId: proposal.authorId,
      closedBy: proposal.closedById ? (people.get(proposal.closedById) ?? null) : null,
      outcomeBy: proposal.outcomeById ? (people.get(proposal.outcomeById) ?? null) : null,
      votes: votes.map((v) => ({
        voter: toAuthorView(v.user),
        value: v.value as VoteValue,
        reason: v.reason,
        at: v.updatedAt,
      })),
    },
  };
}

export const isProposalMoved = (page: ProposalPage | ProposalMoved): page is ProposalMoved => "moved" in page;
