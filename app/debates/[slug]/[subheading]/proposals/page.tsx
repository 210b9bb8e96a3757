import type { Metadata } from "next";
import { PLACEHOLDER_PARAM } from "@/lib/route-placeholder";
import { subheadingTitle } from "../_components/subheading-view";
import { ProposalListView } from "./_components/proposal-list-view";

type Props = PageProps<"/debates/[slug]/[subheading]/proposals">;

// Cached whole like the subheading page, until a proposal write (or the scheduled close) touches
// `proposals:<subheadingId>`. Later pages: ./after/[cursor].
export const instant = false;

export function generateStaticParams() {
  return [{ slug: PLACEHOLDER_PARAM, subheading: PLACEHOLDER_PARAM }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, subheading } = await params;
  return { title: `Proposals · ${await subheadingTitle(slug, subheading)}` };
}

export default async function ProposalsPage({ params }: Props) {
  const { slug, subheading } = await params;
  return <ProposalListView debateSlug={slug} subheadingSlug={subheading} cursor={null} />;
}
