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
      subheadings: { where: { archivedAt: null }, orderBy: { position: "asc" }, select: subheadingSummarySelect },
    },
  });
  const subheading = debate?.subheadings.find((s) => s.slug === subheadingSlug);
  if (!debate || !subheading) return null;
  const { subheadings, ...rest } = debate;
  return {
    debate: rest,
    subheading,
    siblings: subheadings.map(({ id, slug, title, locked }) => ({ id, slug, title, locked })),
  };
}
