import type { Metadata } from "next";
import { PLACEHOLDER_PARAM } from "@/lib/route-placeholder";
import { ProposalView } from "../../_components/proposal-page";
import { synthesisTitle } from "../../_components/synthesis-page";

type Props = PageProps<"/debates/[slug]/synthesis/proposals/[proposalId]">;

// Cached whole like the other pages of a debate (server/cache/reads.ts), until a write to the
// synthesis (its tag) or the debate invalidates it; the params are awaited first, so an unknown
// URL answers a real 404.
export const instant = false;

export function generateStaticParams() {
  return [{ slug: PLACEHOLDER_PARAM, proposalId: PLACEHOLDER_PARAM }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  return { title: await synthesisTitle(slug, null, "Proposed edit"), robots: { index: false } };
}

/** One proposed edit to a synthesis, with its diffs and the decision. */
export default async function SynthesisProposalPage({ params }: Props) {
  const { slug, proposalId } = await params;
  return <ProposalView debateSlug={slug} subheadingSlug={null} proposalId={proposalId} />;
}
