import "server-only";
import { wordDiff } from "@/lib/synthesis-diff";
import type { DbTx } from "../db";
import { loadPeople, personOf, readPlace } from "./read-place";

/**
 * A proposed edit as its page shows it: what was proposed, by whom, its decision, its diff against
 * the version it was written from and, when the synthesis has changed since, against the current
 * text (what accepting it would now change).
 */
export async function getSynthesisProposal(
  tx: DbTx,
  debateSlug: string,
  subheadingSlug: string | null,
  proposalId: string,
) {
  const place = await readPlace(tx, debateSlug, subheadingSlug);
  if (!place) return null;
  const proposal = await tx.synthesisProposal.findFirst({
    where: { id: proposalId, synthesis: { scopeKey: place.scopeKey } },
    select: {
      id: true,
      synthesisId: true,
      authorId: true,
      baseVersion: true,
      body: true,
      bodyHtml: true,
      status: true,
      note: true,
      decidedById: true,
      decidedAt: true,
      decisionNote: true,
      createdAt: true,
      synthesis: { select: { version: true, body: true } },
    },
  });
  // A proposal that is not (yet) there: its place's tags say when that could change.
  if (!proposal) return { ...place, proposal: null };
  const base =
    proposal.baseVersion === 0
      ? null
      : await tx.synthesisVersion.findUnique({
          where: { synthesisId_number: { synthesisId: proposal.synthesisId, number: proposal.baseVersion } },
          select: { body: true },
        });
  const people = await loadPeople(tx, [proposal.authorId, proposal.decidedById]);
  const current = proposal.synthesis;
  const stale = proposal.status === "open" && current.version !== proposal.baseVersion;
  return {
    ...place,
    proposal: {
      currentVersion: current.version,
      id: proposal.id,
      status: proposal.status,
      author: personOf(people, proposal.authorId),
      authorId: proposal.authorId,
      createdAt: proposal.createdAt,
      note: proposal.note,
      baseVersion: proposal.baseVersion,
      bodyHtml: proposal.bodyHtml,
      decidedBy: personOf(people, proposal.decidedById),
      decidedAt: proposal.decidedAt,
      decisionNote: proposal.decisionNote,
      stale,
      diffFromBase: wordDiff(base?.body ?? "", proposal.body),
      // Only while it is open: once decided, what it changed is in the history.
      diffFromCurrent: stale ? wordDiff(current.body, proposal.body) : null,
    },
  };
}
export type ProposalData = NonNullable<Awaited<ReturnType<typeof getSynthesisProposal>>>;
export type ProposalDetail = NonNullable<ProposalData["proposal"]>;
