import "server-only";
import { RENDER_VERSION, renderMarkdown } from "@/lib/markdown";
import { cacheTags } from "@/lib/cache-tags";
import type { DbTx } from "../db";
import type { DebateFileProposal, DebateFileSynthesis } from "./debate-file";

type Place = { debateId: string; subheadingId?: string };

/**
 * A place's synthesis from an archive, when the place has none yet: its text and status become
 * version 1 (the versions before it are not exported). Adds the tags of what shows it to `touched`.
 */
export async function restoreSynthesis(
  tx: DbTx,
  place: Place,
  synthesis: DebateFileSynthesis,
  touched: Set<string>,
): Promise<void> {
  const scopeKey = place.subheadingId ? `subheading:${place.subheadingId}` : `debate:${place.debateId}`;
  if (await tx.synthesis.findUnique({ where: { scopeKey }, select: { id: true } })) return;
  const bodyHtml = renderMarkdown(synthesis.body);
  await tx.synthesis.create({
    data: {
      debateId: place.debateId,
      subheadingId: place.subheadingId ?? null,
      scopeKey,
      status: synthesis.status,
      body: synthesis.body,
      bodyHtml,
      renderVersion: RENDER_VERSION,
      version: 1,
      versions: {
        create: {
          number: 1,
          status: synthesis.status,
          body: synthesis.body,
          bodyHtml,
          note: "Imported from an archive.",
        },
      },
    },
  });
  touched.add(cacheTags.synthesis(scopeKey)).add(cacheTags.debateSyntheses(place.debateId));
}

/**
 * A subheading's closed proposals from an archive, with their outcomes and counts as given (the
 * votes are never exported). One already there (same statement and closing time) is kept as it is,
 * so a repeated import adds nothing. Adds the tags of what shows them to `touched`.
 */
export async function restoreProposals(
  tx: DbTx,
  place: Required<Place>,
  proposals: DebateFileProposal[],
  authorId: (name: string | null) => string | null,
  touched: Set<string>,
): Promise<void> {
  for (const proposal of proposals) {
    const closesAt = new Date(proposal.closesAt);
    const existing = await tx.proposal.findFirst({
      where: { subheadingId: place.subheadingId, statement: proposal.statement, closesAt },
      select: { id: true },
    });
    if (existing) continue;
    const closedAt = new Date(proposal.closedAt);
    await tx.proposal.create({
      data: {
        debateId: place.debateId,
        subheadingId: place.subheadingId,
        authorId: authorId(proposal.author ?? null),
        statement: proposal.statement,
        closesAt,
        closedAt,
        outcome: proposal.outcome,
        outcomeAt: proposal.outcome ? closedAt : null,
        agreeCount: proposal.counts.agree,
        abstainCount: proposal.counts.abstain,
        disagreeCount: proposal.counts.disagree,
        blockCount: proposal.counts.block,
        createdAt: proposal.createdAt ? new Date(proposal.createdAt) : closesAt,
      },
    });
    touched.add(cacheTags.proposals(place.subheadingId));
  }
}
