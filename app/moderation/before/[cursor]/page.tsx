import type { Metadata } from "next";
import { PLACEHOLDER_PARAM } from "@/lib/route-placeholder";
import { LogView } from "../../_components/log-view";

export const metadata: Metadata = { title: "Moderation log (older)" };

// Older pages of the log, cached per URL like the debate pages (see app/debates/[slug]/page.tsx).
export const instant = false;

export function generateStaticParams() {
  return [{ cursor: PLACEHOLDER_PARAM }];
}

export default async function OlderModerationLogPage({ params }: PageProps<"/moderation/before/[cursor]">) {
  return <LogView before={(await params).cursor} />;
}
