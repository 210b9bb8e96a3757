import Link from "@/components/link";
import { firstWords, proposalsPath } from "@/lib/proposals";
import { pluralize } from "@/lib/text";

/**
 * The debate page's line per subheading that has decisions: how many, and the latest outcome's
 * first words, linking to the subheading's proposals. Server markup only (the debate page carries
 * no client component of its own), a line per subheading at most.
 */
export function DebateDecisions({
  debateSlug,
  subheadings,
  decisions,
}: {
  debateSlug: string;
  subheadings: { id: string; slug: string; title: string }[];
  decisions: { subheadingId: string; count: number; latest: string }[];
}) {
  const bySubheading = new Map(decisions.map((d) => [d.subheadingId, d]));
  const lines = subheadings.flatMap((s) => {
    const d = bySubheading.get(s.id);
    return d ? [{ ...d, subheading: s }] : [];
  });
  if (lines.length === 0) return null;
  return (
    <section aria-labelledby="debate-decisions-h" className="mt-6 text-sm">
      <h2 id="debate-decisions-h" className="font-semibold">
        Decisions
      </h2>
      <ul className="mt-1 space-y-1">
        {lines.map((line) => (
          <li key={line.subheadingId}>
            <Link href={proposalsPath(debateSlug, line.subheading.slug)} className="underline">
              {line.subheading.title}
            </Link>
            : {pluralize(line.count, "decision")} · latest: “{firstWords(line.latest, 80)}”
          </li>
        ))}
      </ul>
    </section>
  );
}
