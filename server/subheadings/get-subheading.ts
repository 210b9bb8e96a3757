import "server-only";
import type { SubheadingSummary } from "@/lib/views";
import type { DbTx } from "../db";
import { subheadingSummarySelect } from "./subheading-view";

export type SubheadingPageHeader = {
  debate: { id: string; slug: string; title: string; locked: boolean; slowModeSeconds: number };
  subheading: SubheadingSummary;
  /** The debate's subheadings, in order: for moving between them and for the posting form. */
  siblings: { id: string; slug: string; title: string; locked: boolean }[];
};

/** The current slug of a renamed subheading, found by one of its old slugs. */
export async function findRenamedSubheading(tx: DbTx, debateSlug: string, oldSlug: string): Promise<string | null> {
  const redirect = await tx.subheadingRedirect.findFirst({
    where: { oldSlug, subheading: { debate: { slug: debateSlug } } },
    select: { subheading: { select: { slug: true } } },
  });
  return redirect?.subheading.slug ?? null;
}

export async function getSubheading(
  tx: DbTx,
  debateSlug: string,
  subheadingSlug: string,
): Promise<SubheadingPageHeader | null> {
  const debate = await tx.debate.findUnique({
    where: { slug: debateSlug },
    select: {
      id: true,
      slug: true,
      title: true,
      locked: true,
      slowModeSeconds: true,
      // Only what the page shows of the others: their counts change with every post there.
      subheadings: {
        where: { archivedAt: null },
        orderBy: { position: "asc" },
        select: { id: true, slug: true, title: true, locked: true },
      },
    },
  });
  if (!debate?.subheadings.some((s) => s.slug === subheadingSlug)) return null;
  const subheading = await tx.subheading.findUnique({
    where: { debateId_slug: { debateId: debate.id, slug: subheadingSlug } },
    select: subheadingSummarySelect,
  });
  if (!subheading) return null;
  const { subheadings: siblings, ...rest } = debate;
  return { debate: rest, subheading, siblings };
}
