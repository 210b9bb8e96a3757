import type { Metadata } from "next";
import { PLACEHOLDER_PARAM } from "@/lib/route-placeholder";
import { subheadingTitle } from "../../../_components/subheading-view";
import { ProposalListView } from "../../_components/proposal-list-view";

type Props = PageProps<"/debates/[slug]/[subheading]/proposals/after/[cursor]">;

export const instant = false;

export function generateStaticParams() {
  return [{ slug: PLACEHOLDER_PARAM, subheading: PLACEHOLDER_PARAM, cursor: PLACEHOLDER_PARAM }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, subheading } = await params;
  return { title: `Proposals (continued) · ${await subheadingTitle(slug, subheading)}` };
}

export default async function LaterProposalsPage({ params }: Props) {
  const { slug, subheading, cursor } = await params;
  return <ProposalListView debateSlug={slug} subheadingSlug={subheading} cursor={cursor} />;
}
