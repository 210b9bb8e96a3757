import Link from "@/components/link";
import { LocalTime } from "@/components/post-date";
import { proposalPath, type ProposalSummary } from "@/lib/proposals";

/**
 * A subheading's decisions: its closed proposals whose outcome was recorded, latest first, each
 * linking to the proposal. Server markup only; shown where the subheading page shows its synthesis.
 */
export function Decisions({
  decisions,
  debateSlug,
  subheadingSlug,
}: {
  decisions: ProposalSummary[];
  debateSlug: string;
  subheadingSlug: string;
}) {
  if (decisions.length === 0) return null;
  return (
    <section
      aria-labelledby="decisions-h"
      className="mt-6 rounded-lg border border-emerald-200 bg-emerald-50 p-4 dark:border-emerald-900 dark:bg-emerald-950"
    >
      <h2 id="decisions-h" className="text-lg font-semibold">
        Decisions
      </h2>
      <ul className="mt-2 space-y-2 text-sm">
        {decisions.map((d) => (
          <li key={d.id}>
            <p>{d.outcome}</p>
            <p className="text-xs text-stone-600 dark:text-stone-400">
              <Link href={proposalPath(debateSlug, subheadingSlug, d.id)} className="underline">
                On the proposal
              </Link>
              {d.outcomeAt && (
                <>
                  , recorded <LocalTime date={d.outcomeAt} />
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
