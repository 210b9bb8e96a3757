import type { Metadata } from "next";
import { subheadingFeedPath } from "@/lib/paths";
import { PLACEHOLDER_PARAM } from "@/lib/route-placeholder";
import { feedAlternates } from "@/server/feeds/feed-alternates";
import { SubheadingView, subheadingTitle } from "./_components/subheading-view";

type Props = PageProps<"/debates/[slug]/[subheading]">;

// Each URL renders on its first visit (from the tagged data cache in server/cache/reads.ts)
// and is then kept whole in Next's page cache until a write invalidates one of its tags.
// The params are awaited before anything renders, so an unknown URL answers a real 404.
export const instant = false;

export function generateStaticParams() {
  return [{ slug: PLACEHOLDER_PARAM, subheading: PLACEHOLDER_PARAM }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, subheading } = await params;
  const title = await subheadingTitle(slug, subheading);
  return { title, alternates: feedAlternates(subheadingFeedPath(slug, subheading), title) };
}

/** The first page of a subheading's contributions. Later pages: ./after/[cursor]. */
export default async function SubheadingPage({ params }: Props) {
  const { slug, subheading } = await params;
  return <SubheadingView debateSlug={slug} subheadingSlug={subheading} cursor={null} />;
}
