import type { Metadata } from "next";
import { PLACEHOLDER_PARAM } from "@/lib/route-placeholder";
import { FlatThreadView } from "../../../_components/flat-thread-view";

type Props = PageProps<"/debates/[slug]/posts/[postId]/flat/after/[cursor]">;

// A later page of a thread in time order: the cursor is in the path, so each page is cached whole.
export const instant = false;

export function generateStaticParams() {
  return [{ slug: PLACEHOLDER_PARAM, postId: PLACEHOLDER_PARAM, cursor: PLACEHOLDER_PARAM }];
}

export const metadata: Metadata = { title: "A thread in time order (continued)" };

export default async function FlatThreadLaterPage({ params }: Props) {
  const { slug, postId, cursor } = await params;
  return <FlatThreadView debateSlug={slug} postId={postId} cursor={cursor} />;
}
