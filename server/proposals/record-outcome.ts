import "server-only";
import { cacheTags } from "@/lib/cache-tags";
import { outcomeRefusal } from "@/lib/permissions";
import { firstWords } from "@/lib/proposals";
import { viewerOf, type SessionUser } from "../auth/session";
import { logModeration } from "../moderation/log";
import { write } from "../write";
import { loadProposalFor } from "./load-proposal";

/**
 * Records (or changes) a closed proposal's outcome: its opener or a moderator. The outcome shows on
 * the proposal, in the subheading's decisions and on the debate's outline (debate-posts:<id>), and
 * every recording is in the public log with who did it.
 */
export async function recordOutcome({
  actor,
  proposalId,
  outcome,
  now = new Date(),
}: {
  actor: SessionUser;
  proposalId: string;
  outcome: string;
  now?: Date;
}) {
  const viewer = viewerOf(actor, now);
  return write(async (w) => {
    const proposal = await loadProposalFor(w.tx, { proposalId, viewer, now, rule: outcomeRefusal });
    await w.tx.proposal.update({
      where: { id: proposal.id },
      data: {
        outcome,
        outcomeById: actor.id,
        outcomeAt: now,
        // Past closesAt before the scheduled step ran: closed as the schedule would have.
        ...(proposal.closedAt === null && { closedAt: proposal.closesAt }),
        updatedAt: now,
      },
    });
    w.touch(cacheTags.proposals(proposal.subheadingId), cacheTags.debatePosts(proposal.debateId));
    await logModeration(w, {
      actorId: actor.id,
      action: "record_outcome",
      debateId: proposal.debateId,
      subheadingId: proposal.subheadingId,
      detail: `${proposal.outcome === null ? "" : "changed to "}“${firstWords(outcome)}”`,
    });
    return { id: proposal.id };
  });
}
