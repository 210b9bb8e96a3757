import type { Metadata } from "next";
import { PLACEHOLDER_PARAM } from "@/lib/route-placeholder";
import { ProposalView } from "../../../../synthesis/_components/proposal-page";
import { synthesisTitle } from "../../../../synthesis/_components/synthesis-page";

type Props = PageProps<"/debates/[slug]/[subheading]/synthesis/proposals/[proposalId]">;

// Cached whole like the other pages of a debate (server/cache/reads.ts), until a write to the
// synthesis (its tag) or the debate invalidates it; the params are awaited first, so an unknown
// URL answers a real 404.
export const instant = false;

export function generateStaticParams() {
  return [{ slug: PLACEHOLDER_PARAM, subheading: PLACEHOLDER_PARAM, proposalId: PLACEHOLDER_PARAM }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, subheading } = await params;
  return { title: await synthesisTitle(slug, subheading, "Proposed edit"), robots: { index: false } };
}

/** One proposed edit to a synthesis, with its diffs and the decision. */
export default async function SynthesisProposalPage({ params }: Props) {
  const { slug, subheading, proposalId } = await params;
  return <ProposalView debateSlug={slug} subheadingSlug={subheading} proposalId={proposalId} />;
}
