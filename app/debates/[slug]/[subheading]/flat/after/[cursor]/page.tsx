import type { Metadata } from "next";
import { PLACEHOLDER_PARAM } from "@/lib/route-placeholder";
import { FlatSubheadingView } from "../../../_components/flat-subheading-view";
import { subheadingTitle } from "../../../_components/subheading-view";

type Props = PageProps<"/debates/[slug]/[subheading]/flat/after/[cursor]">;

// A later page of the flat reading mode: the cursor is in the path, so each page is cached whole.
export const instant = false;

export function generateStaticParams() {
  return [{ slug: PLACEHOLDER_PARAM, subheading: PLACEHOLDER_PARAM, cursor: PLACEHOLDER_PARAM }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, subheading } = await params;
  return { title: `${await subheadingTitle(slug, subheading)} (in time order, continued)` };
}

export default async function FlatSubheadingLaterPage({ params }: Props) {
  const { slug, subheading, cursor } = await params;
  return <FlatSubheadingView debateSlug={slug} subheadingSlug={subheading} cursor={cursor} />;
}
