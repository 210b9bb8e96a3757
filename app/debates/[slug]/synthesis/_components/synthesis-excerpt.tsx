import Link from "@/components/link";
import { StatusLabel } from "@/components/synthesis/status-label";
import { synthesisPath } from "@/lib/synthesis";
import type { SynthesisExcerpt } from "@/server/synthesis/list-excerpts";

/**
 * A synthesis on the debate page: its status and first words (SYNTHESIS_EXCERPT_LENGTH characters,
 * cut on the server) and a link to read it whole. Small on purpose: the page's size is bounded.
 */
export function SynthesisExcerptLine({
  excerpt,
  debateSlug,
  subheadingSlug,
  name,
}: {
  excerpt: SynthesisExcerpt | undefined;
  debateSlug: string;
  subheadingSlug: string | null;
  /** What it speaks for, for the link's words ("Read the synthesis of “…”"). */
  name: string;
}) {
  // Nothing when there is none yet (the page's size is at its bound): the debate's own synthesis
  // is then reached from each subheading's synthesis page.
  if (!excerpt) return null;
  return (
    <p className="mt-2 text-sm">
      <strong>Where it stands</strong> <StatusLabel status={excerpt.status} /> {excerpt.excerpt}{" "}
      <Link href={synthesisPath(debateSlug, subheadingSlug)} className="font-medium text-amber-800 dark:text-amber-300">
        Read the synthesis<span className="sr-only"> of {name}</span>
      </Link>
    </p>
  );
}
