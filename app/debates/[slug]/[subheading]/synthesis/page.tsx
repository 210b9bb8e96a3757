import type { Metadata } from "next";
import { PLACEHOLDER_PARAM } from "@/lib/route-placeholder";
import { SynthesisPageView, synthesisTitle } from "../../synthesis/_components/synthesis-page";

type Props = PageProps<"/debates/[slug]/[subheading]/synthesis">;

// Cached whole like the other pages of a debate (server/cache/reads.ts), until a write to the
// synthesis (its tag) or the debate invalidates it; the params are awaited first, so an unknown
// URL answers a real 404.
export const instant = false;

export function generateStaticParams() {
  return [{ slug: PLACEHOLDER_PARAM, subheading: PLACEHOLDER_PARAM }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, subheading } = await params;
  return { title: await synthesisTitle(slug, subheading) };
}

/** A synthesis's own page: its text, the open proposals, and the forms to edit or propose. */
export default async function SynthesisPage({ params }: Props) {
  const { slug, subheading } = await params;
  return <SynthesisPageView debateSlug={slug} subheadingSlug={subheading} />;
}
