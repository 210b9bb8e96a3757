import "server-only";
import type { VoteValue } from "@/lib/proposals";
import { db } from "../db";

/** The member's own vote on a proposal (the per-viewer part of a cached page); null when none. */
export async function getMyVote(
  userId: string,
  proposalId: string,
): Promise<{ value: VoteValue; reason: string | null } | null> {
  const vote = await db.proposalVote.findUnique({
    where: { proposalId_userId: { proposalId, userId } },
    select: { value: true, reason: true },
  });
  return vote ? { value: vote.value as VoteValue, reason: vote.reason } : null;
}
