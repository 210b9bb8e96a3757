import "server-only";
import { cacheTags } from "@/lib/cache-tags";
import { proposeRefusal } from "@/lib/permissions";
import { PROPOSAL_PACE_WINDOW_MS, proposalPath, PROPOSALS_PER_DAY } from "@/lib/proposals";
import { viewerOf, type SessionUser } from "../auth/session";
import { lockKeys } from "../db-sql";
import { AppError, enforce, RetryLater } from "../errors";
import { write } from "../write";

/**
 * Opens a proposal under a subheading (neither locked nor archived, in a debate not locked). At most
 * PROPOSALS_PER_DAY a member in any 24 hours: counted inside the transaction, under lockKeys, so two
 * sent at once through two instances cannot both slip under it.
 */
export async function createProposal({
  actor,
  subheadingId,
  statement,
  closesAt,
  now = new Date(),
}: {
  actor: SessionUser;
  subheadingId: string;
  statement: string;
  closesAt: Date;
  now?: Date;
}) {
  const viewer = viewerOf(actor, now);
  return write(async (w) => {
    const place = await w.tx.subheading.findUnique({
      where: { id: subheadingId },
      select: {
        id: true,
        slug: true,
        debateId: true,
        locked: true,
        archivedAt: true,
        debate: { select: { slug: true, locked: true } },
      },
    });
    if (!place) throw new AppError("NOT_FOUND", "That subheading does not exist.");
    enforce(
      proposeRefusal(viewer, { locked: place.locked || place.debate.locked, archived: place.archivedAt !== null }),
    );
    await lockKeys(w.tx, [`proposals:user:${actor.id}`]);
    const since = new Date(now.getTime() - PROPOSAL_PACE_WINDOW_MS);
    const recent = await w.tx.proposal.findMany({
      where: { authorId: actor.id, createdAt: { gt: since } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
      take: PROPOSALS_PER_DAY,
    });
    if (recent.length >= PROPOSALS_PER_DAY) {
      const seconds = Math.ceil((recent[0]!.createdAt.getTime() + PROPOSAL_PACE_WINDOW_MS - now.getTime()) / 1000);
      throw new RetryLater(`You can make ${PROPOSALS_PER_DAY} proposals a day. Please try again later.`, seconds);
    }
    const proposal = await w.tx.proposal.create({
      data: { debateId: place.debateId, subheadingId: place.id, authorId: actor.id, statement, closesAt },
      select: { id: true, debateId: true, subheadingId: true },
    });
    w.touch(cacheTags.proposals(place.id));
    return { ...proposal, path: proposalPath(place.debate.slug, place.slug, proposal.id) };
  });
}
