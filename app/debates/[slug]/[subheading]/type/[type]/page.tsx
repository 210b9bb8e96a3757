import type { Metadata } from "next";
import { PLACEHOLDER_PARAM } from "@/lib/route-placeholder";
import { TypedRepliesView, typedRepliesTitle } from "../../_components/typed-replies-view";

type Props = PageProps<"/debates/[slug]/[subheading]/type/[type]">;

// A subheading's replies of one type, newest first. A path, not ?type=: under Cache Components a
// query string makes the page per request, whereas a path is one more URL cached whole.
export const instant = false;

export function generateStaticParams() {
  return [{ slug: PLACEHOLDER_PARAM, subheading: PLACEHOLDER_PARAM, type: PLACEHOLDER_PARAM }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, subheading, type } = await params;
  return { title: await typedRepliesTitle(slug, subheading, type) };
}

export default async function TypedRepliesPage({ params }: Props) {
  const { slug, subheading, type } = await params;
  return <TypedRepliesView debateSlug={slug} subheadingSlug={subheading} typeSlug={type} />;
}
