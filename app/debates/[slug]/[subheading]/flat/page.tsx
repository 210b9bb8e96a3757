import type { Metadata } from "next";
import { PLACEHOLDER_PARAM } from "@/lib/route-placeholder";
import { FlatSubheadingView } from "../_components/flat-subheading-view";
import { subheadingTitle } from "../_components/subheading-view";

type Props = PageProps<"/debates/[slug]/[subheading]/flat">;

// The flat reading mode's first page; cached whole like the nested one (see ../page.tsx).
export const instant = false;

export function generateStaticParams() {
  return [{ slug: PLACEHOLDER_PARAM, subheading: PLACEHOLDER_PARAM }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, subheading } = await params;
  return { title: `${await subheadingTitle(slug, subheading)} (in time order)` };
}

export default async function FlatSubheadingPage({ params }: Props) {
  const { slug, subheading } = await params;
  return <FlatSubheadingView debateSlug={slug} subheadingSlug={subheading} cursor={null} />;
}
