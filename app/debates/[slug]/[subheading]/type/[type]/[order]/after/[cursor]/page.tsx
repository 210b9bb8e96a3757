import type { Metadata } from "next";
import { PLACEHOLDER_PARAM } from "@/lib/route-placeholder";
import { TypedRepliesView, typedRepliesTitle } from "../../../../../_components/typed-replies-view";

type Props = PageProps<"/debates/[slug]/[subheading]/type/[type]/[order]/after/[cursor]">;

// A later page of the replies of one type: keyset paged after the cursor's row; a bad cursor is a 404.
export const instant = false;

export function generateStaticParams() {
  return [
    {
      slug: PLACEHOLDER_PARAM,
      subheading: PLACEHOLDER_PARAM,
      type: PLACEHOLDER_PARAM,
      order: PLACEHOLDER_PARAM,
      cursor: PLACEHOLDER_PARAM,
    },
  ];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, subheading, type } = await params;
  return { title: `${await typedRepliesTitle(slug, subheading, type)} (continued)` };
}

export default async function LaterTypedRepliesPage({ params }: Props) {
  const { slug, subheading, type, order, cursor } = await params;
  return (
    <TypedRepliesView
      debateSlug={slug}
      subheadingSlug={subheading}
      typeSlug={type}
      orderParam={order}
      cursor={cursor}
    />
  );
}
