import type { Metadata } from "next";
import { POST_SORTS } from "@/lib/post-sort";
import { PLACEHOLDER_PARAM } from "@/lib/route-placeholder";
import { SubheadingView, subheadingTitle } from "../../_components/subheading-view";

type Props = PageProps<"/debates/[slug]/[subheading]/sort/[sort]">;

// The first page under an order the URL names. The order is a path segment, not ?sort=, so each
// order's page is cached whole like the plain one (see ../../page.tsx); an unknown order is a 404.
// Later pages are ../../after/[cursor], whose cursor carries the order.
export const instant = false;

export function generateStaticParams() {
  return [{ slug: PLACEHOLDER_PARAM, subheading: PLACEHOLDER_PARAM, sort: PLACEHOLDER_PARAM }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, subheading, sort } = await params;
  const label = POST_SORTS.find((s) => s.value === sort)?.label.toLowerCase();
  return { title: `${await subheadingTitle(slug, subheading)}${label ? ` (${label})` : ""}` };
}

export default async function SortedSubheadingPage({ params }: Props) {
  const { slug, subheading, sort } = await params;
  return <SubheadingView debateSlug={slug} subheadingSlug={subheading} sortParam={sort} cursor={null} />;
}
