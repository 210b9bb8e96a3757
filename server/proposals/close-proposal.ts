import "server-only";
import { cacheTags } from "@/lib/cache-tags";
import { closeRefusal } from "@/lib/permissions";
import { firstWords } from "@/lib/proposals";
import { viewerOf, type SessionUser } from "../auth/session";
import { AppError } from "../errors";
import { logModeration } from "../moderation/log";
import { write } from "../write";
import { loadProposalFor } from "./load-proposal";

/** A moderator closes a proposal before its time: closedAt now, closedById them, in the public log. */
export async function closeProposal({
  actor,
  proposalId,
  reason,
  now = new Date(),
}: {
  actor: SessionUser;
  proposalId: string;
  reason?: string | null;
  now?: Date;
}) {
  const viewer = viewerOf(actor, now);
  return write(async (w) => {
    const proposal = await loadProposalFor(w.tx, { proposalId, viewer, now, rule: closeRefusal });
    // Conditional, so that of a close and the schedule (or two moderators) only one sets it.
    const closed = await w.tx.proposal.updateMany({
      where: { id: proposal.id, closedAt: null, closesAt: { gt: now } },
      data: { closedAt: now, closedById: actor.id, updatedAt: now },
    });
    if (closed.count !== 1) throw new AppError("CONFLICT", "This proposal has already closed.");
    w.touch(cacheTags.proposals(proposal.subheadingId));
    await logModeration(w, {
      actorId: actor.id,
      action: "close_proposal",
      reason,
      debateId: proposal.debateId,
      subheadingId: proposal.subheadingId,
      detail: `“${firstWords(proposal.statement)}”`,
    });
    return { id: proposal.id };
  });
}
