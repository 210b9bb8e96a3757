import type { Metadata } from "next";
import { PLACEHOLDER_PARAM } from "@/lib/route-placeholder";
import { SubheadingView, subheadingTitle } from "../../_components/subheading-view";

type Props = PageProps<"/debates/[slug]/[subheading]/after/[cursor]">;

// A later page of contributions. The cursor is part of the path, not the query string, so each
// page is cached whole like the first (see ../../page.tsx); a malformed cursor is a 404.
export const instant = false;

export function generateStaticParams() {
  return [{ slug: PLACEHOLDER_PARAM, subheading: PLACEHOLDER_PARAM, cursor: PLACEHOLDER_PARAM }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, subheading } = await params;
  return { title: `${await subheadingTitle(slug, subheading)} (continued)` };
}

export default async function SubheadingLaterPage({ params }: Props) {
  const { slug, subheading, cursor } = await params;
  return <SubheadingView debateSlug={slug} subheadingSlug={subheading} cursor={cursor} />;
}
