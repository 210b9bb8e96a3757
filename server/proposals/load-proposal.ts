import "server-only";
import type { Refusal, Viewer } from "@/lib/permissions";
import { isProposalClosed } from "@/lib/proposals";
import type { DbTx } from "../db";
import { AppError, enforce } from "../errors";

/** What a rule about a proposal is told: who opened it, whether it has closed, whether its place is locked. */
type ProposalRule = (
  viewer: Viewer,
  proposal: { authorId: string | null; closed: boolean },
  place: { locked: boolean },
) => Refusal;

/**
 * The preamble of every write to a proposal, inside its transaction: the proposal (NOT_FOUND when
 * there is none), then `rule` for this viewer, as of `now` (closed means closedAt set or closesAt
 * passed), thrown as FORBIDDEN when it refuses.
 */
export async function loadProposalFor(
  tx: DbTx,
  { proposalId, viewer, now, rule }: { proposalId: string; viewer: Viewer; now: Date; rule: ProposalRule },
) {
  const proposal = await tx.proposal.findUnique({
    where: { id: proposalId },
    select: {
      id: true,
      authorId: true,
      debateId: true,
      subheadingId: true,
      statement: true,
      outcome: true,
      closedAt: true,
      closesAt: true,
      subheading: { select: { locked: true, archivedAt: true, debate: { select: { locked: true } } } },
    },
  });
  if (!proposal) throw new AppError("NOT_FOUND", "That proposal does not exist.");
  const { subheading } = proposal;
  const locked = subheading.locked || subheading.debate.locked || subheading.archivedAt !== null;
  enforce(rule(viewer, { authorId: proposal.authorId, closed: isProposalClosed(proposal, now) }, { locked }));
  return proposal;
}
