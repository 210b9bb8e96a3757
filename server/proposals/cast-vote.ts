import "server-only";
import { cacheTags } from "@/lib/cache-tags";
import { voteRefusal } from "@/lib/permissions";
import type { VoteValue } from "@/lib/proposals";
import { viewerOf, type SessionUser } from "../auth/session";
import { lockKeys } from "../db-sql";
import { AppError } from "../errors";
import { write } from "../write";
import { loadProposalFor } from "./load-proposal";

const COUNT: Record<VoteValue, "agreeCount" | "abstainCount" | "disagreeCount" | "blockCount"> = {
  agree: "agreeCount",
  abstain: "abstainCount",
  disagree: "disagreeCount",
  block: "blockCount",
};

/**
 * A member's vote, one per member (the primary key), changeable until the proposal closes; the
 * counts on the proposal move in the same transaction. Closed means closedAt set or closesAt passed
 * (the scheduled step may not have run yet), checked inside the transaction: the counters' UPDATE
 * is itself conditional on the proposal being open, so a close that commits while this vote is on
 * its way (another instance, PostgreSQL) refuses it rather than letting it in after.
 */
export async function castVote({
  actor,
  proposalId,
  value,
  reason,
  now = new Date(),
}: {
  actor: SessionUser;
  proposalId: string;
  value: VoteValue;
  reason: string | null;
  now?: Date;
}) {
  const viewer = viewerOf(actor, now);
  return write(async (w) => {
    const proposal = await loadProposalFor(w.tx, { proposalId, viewer, now, rule: voteRefusal });

    // One member's two votes sent at once (two instances) are taken one after the other.
    await lockKeys(w.tx, [`proposal-vote:${proposal.id}:${actor.id}`]);
    const previous = await w.tx.proposalVote.findUnique({
      where: { proposalId_userId: { proposalId: proposal.id, userId: actor.id } },
      select: { value: true },
    });
    const before = previous?.value as VoteValue | undefined;
    const counts =
      before === value
        ? {}
        : { [COUNT[value]]: { increment: 1 }, ...(before && { [COUNT[before]]: { decrement: 1 } }) };
    const opened = await w.tx.proposal.updateMany({
      where: { id: proposal.id, closedAt: null, closesAt: { gt: now } },
      data: { ...counts, updatedAt: now },
    });
    if (opened.count !== 1)
      throw new AppError("FORBIDDEN", "This proposal has closed: votes can no longer be cast or changed.");
    await w.tx.proposalVote.upsert({
      where: { proposalId_userId: { proposalId: proposal.id, userId: actor.id } },
      create: { proposalId: proposal.id, userId: actor.id, value, reason },
      update: { value, reason },
    });
    w.touch(cacheTags.proposals(proposal.subheadingId));
    return { id: proposal.id, changed: before !== undefined };
  });
}
