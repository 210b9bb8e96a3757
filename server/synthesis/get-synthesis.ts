import "server-only";
import { cardPostIds, splitForCards, type QuoteCard, type SynthesisPiece } from "@/lib/synthesis-cards";
import { excerptFromHtml } from "@/lib/text";
import type { DbTx } from "../db";
import { authorSelect, toAuthorView } from "../posts/post-view";
import { loadPeople, personOf, readPlace } from "./read-place";

/** How long a quote card's first line may be, in characters. */
const CARD_LINE_LENGTH = 160;

/** The posts the cards name, as the cards show them; ids that are no post here stay plain links. */
async function loadCards(tx: DbTx, pieces: SynthesisPiece[]): Promise<QuoteCard[]> {
  const ids = cardPostIds(pieces);
  if (ids.length === 0) return [];
  const posts = await tx.post.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      rootId: true,
      title: true,
      bodyHtml: true,
      hiddenAt: true,
      deletedAt: true,
      debate: { select: { slug: true } },
      author: { select: authorSelect },
    },
  });
  return posts.map((p) => {
    const withheld = p.hiddenAt !== null || p.deletedAt !== null;
    return {
      postId: p.id,
      debateSlug: p.debate.slug,
      rootId: p.rootId ?? p.id,
      author: withheld ? null : toAuthorView(p.author),
      firstLine: withheld ? null : p.title?.trim() || excerptFromHtml(p.bodyHtml, CARD_LINE_LENGTH),
    };
  });
}

/** Open proposals listed on a synthesis's page, oldest first; more wait their turn. */
const PROPOSALS_SHOWN = 50;

/**
 * A synthesis as its page and its subheading's page show it: the place, the current text (split
 * around its quote cards, with their posts), its status and last change, and the open proposals.
 * A place without a synthesis yet reads as an empty one at version 0.
 */
export async function getSynthesis(tx: DbTx, debateSlug: string, subheadingSlug: string | null) {
  const place = await readPlace(tx, debateSlug, subheadingSlug);
  if (!place) return null;
  const row = await tx.synthesis.findUnique({
    where: { scopeKey: place.scopeKey },
    select: { id: true, status: true, body: true, bodyHtml: true, version: true, updatedAt: true },
  });
  const [last, proposals] = row
    ? await Promise.all([
        tx.synthesisVersion.findUnique({
          where: { synthesisId_number: { synthesisId: row.id, number: row.version } },
          select: { authorId: true, editorId: true, createdAt: true, note: true },
        }),
        tx.synthesisProposal.findMany({
          where: { synthesisId: row.id, status: "open" },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          take: PROPOSALS_SHOWN,
          select: { id: true, authorId: true, createdAt: true, note: true, baseVersion: true },
        }),
      ])
    : [null, []];
  const pieces = row ? splitForCards(row.bodyHtml) : [];
  const cards = await loadCards(tx, pieces);
  const people = await loadPeople(tx, [
    last?.authorId ?? null,
    last?.editorId ?? null,
    ...proposals.map((p) => p.authorId),
  ]);
  return {
    ...place,
    synthesis: {
      status: row?.status ?? "open",
      body: row?.body ?? "",
      version: row?.version ?? 0,
      pieces,
      cards,
      lastChange: last
        ? {
            author: personOf(people, last.authorId),
            editor: personOf(people, last.editorId),
            createdAt: last.createdAt,
            note: last.note,
          }
        : null,
    },
    proposals: proposals.map((p) => ({ ...p, author: personOf(people, p.authorId) })),
  };
}
export type SynthesisData = NonNullable<Awaited<ReturnType<typeof getSynthesis>>>;
