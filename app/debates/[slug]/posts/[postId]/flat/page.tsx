import type { Metadata } from "next";
import { PLACEHOLDER_PARAM } from "@/lib/route-placeholder";
import { FlatThreadView } from "../_components/flat-thread-view";

type Props = PageProps<"/debates/[slug]/posts/[postId]/flat">;

// A thread in time order; cached whole like the permalink (see ../page.tsx).
export const instant = false;

export function generateStaticParams() {
  return [{ slug: PLACEHOLDER_PARAM, postId: PLACEHOLDER_PARAM }];
}

export const metadata: Metadata = { title: "A thread in time order" };

export default async function FlatThreadPage({ params }: Props) {
  const { slug, postId } = await params;
  return <FlatThreadView debateSlug={slug} postId={postId} cursor={null} />;
}
