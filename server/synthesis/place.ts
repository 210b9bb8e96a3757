import "server-only";
import { cacheTags } from "@/lib/cache-tags";
import { synthesisScopeKey, type SynthesisScope } from "@/lib/synthesis";
import type { DbTx } from "../db";
import { AppError } from "../errors";

/** A synthesis's place as the writes need it: the debate (its opener), the subheading, the scope key. */
export type SynthesisPlace = {
  debateId: string;
  subheadingId: string | null;
  scopeKey: string;
  openerId: string | null;
  scope: "debate" | "subheading";
  /** The debate or the subheading is locked: members no longer propose edits. */
  locked: boolean;
};

/** The place of a synthesis (a subheading of the debate, or the debate itself); NOT_FOUND when there is none. */
export async function findPlace(tx: DbTx, { debateId, subheadingId }: SynthesisScope): Promise<SynthesisPlace> {
  const debate = await tx.debate.findUnique({
    where: { id: debateId },
    select: { id: true, authorId: true, locked: true },
  });
  if (!debate) throw new AppError("NOT_FOUND", "That debate does not exist.");
  let locked = debate.locked;
  if (subheadingId) {
    const subheading = await tx.subheading.findFirst({
      where: { id: subheadingId, debateId, archivedAt: null },
      select: { id: true, locked: true },
    });
    if (!subheading) throw new AppError("NOT_FOUND", "That subheading does not exist.");
    locked ||= subheading.locked;
  }
  return {
    debateId,
    subheadingId,
    scopeKey: synthesisScopeKey({ debateId, subheadingId }),
    openerId: debate.authorId,
    scope: subheadingId ? "subheading" : "debate",
    locked,
  };
}

/** Whether the member has a visible post where the synthesis speaks (its subheading, or anywhere in the debate). */
export async function hasPostedIn(tx: DbTx, userId: string, place: SynthesisPlace): Promise<boolean> {
  const post = await tx.post.findFirst({
    where: {
      authorId: userId,
      ...(place.subheadingId ? { subheadingId: place.subheadingId } : { debateId: place.debateId }),
      hiddenAt: null,
      deletedAt: null,
    },
    select: { id: true },
  });
  return post !== null;
}

/** What a change of a synthesis's text or status shows in: its own pages, and the excerpts of its debate. */
export const synthesisTextTags = (place: { debateId: string; scopeKey: string }) => [
  cacheTags.synthesis(place.scopeKey),
  cacheTags.debateSyntheses(place.debateId),
];
