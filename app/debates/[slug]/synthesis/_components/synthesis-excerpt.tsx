import Link from "@/components/link";
import { statusClass } from "@/components/synthesis/status-label";
import { statusLabel, synthesisPath } from "@/lib/synthesis";
import type { SynthesisExcerpt } from "@/server/synthesis/list-excerpts";

/**
 * A synthesis on the debate page: its status and first words (SYNTHESIS_EXCERPT_LENGTH characters,
 * cut on the server), which link to the whole text. Lean on purpose: it sits under every
 * subheading, and the page's size is bounded (e2e/reading.spec.ts), so its looks are named in
 * app/globals.css and its words are the link (unique, so no hidden words to tell links apart).
 */
export function SynthesisExcerptLine({
  excerpt,
  debateSlug,
  subheadingSlug,
}: {
  excerpt: SynthesisExcerpt;
  debateSlug: string;
  subheadingSlug: string | null;
}) {
  return (
    <p className="mt-2 text-sm">
      <b>Where it stands:</b> <span className={statusClass(excerpt.status)}>{statusLabel(excerpt.status)}</span>{" "}
      <Link href={synthesisPath(debateSlug, subheadingSlug)} className="link-quiet">
        {excerpt.excerpt}
      </Link>
    </p>
  );
}
