import type { Metadata } from "next";
import { PLACEHOLDER_PARAM } from "@/lib/route-placeholder";
import { SynthesisHistoryView } from "../_components/history-page";
import { synthesisTitle } from "../_components/synthesis-page";

type Props = PageProps<"/debates/[slug]/synthesis/history">;

// Cached whole like the other pages of a debate (server/cache/reads.ts), until a write to the
// synthesis (its tag) or the debate invalidates it; the params are awaited first, so an unknown
// URL answers a real 404.
export const instant = false;

export function generateStaticParams() {
  return [{ slug: PLACEHOLDER_PARAM }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  return { title: await synthesisTitle(slug, null, "Synthesis history"), robots: { index: false } };
}

/** The versions of a synthesis, newest first, with their diffs. */
export default async function SynthesisHistoryPage({ params }: Props) {
  const { slug } = await params;
  return <SynthesisHistoryView debateSlug={slug} subheadingSlug={null} before={null} />;
}
