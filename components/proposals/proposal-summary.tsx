import Link from "@/components/link";
import { AuthorName } from "@/components/author-name";
import { LocalTime } from "@/components/post-date";
import {
  closedTime,
  firstWords,
  proposalPath,
  VOTE_VALUES,
  type ProposalSummary,
  type VoteValue,
} from "@/lib/proposals";

/** "2 agree · 0 abstain · 1 disagree · 0 block", each count in words a screen reader says well. */
export function VoteCounts({ counts, className = "" }: { counts: Record<VoteValue, number>; className?: string }) {
  return (
    <p className={`flex flex-wrap gap-x-3 text-sm text-stone-700 dark:text-stone-300 ${className}`}>
      {VOTE_VALUES.map((value) => (
        <span key={value}>
          <span className="font-semibold">{counts[value]}</span> {value}
        </span>
      ))}
    </p>
  );
}

/** Open until a time, closed (when, early or not), as a line. */
export function ProposalState({ proposal }: { proposal: ProposalSummary }) {
  if (!proposal.closed) {
    return (
      <span>
        Open · closes <LocalTime date={proposal.closesAt} absolute />
      </span>
    );
  }
  return (
    <span>
      Closed{proposal.closedEarly ? " early" : ""} <LocalTime date={closedTime(proposal)} absolute />
    </span>
  );
}

/** A list of proposals, each a link to its page with its counts and state (and outcome, once recorded). */
export function ProposalList({
  proposals,
  debateSlug,
  subheadingSlug,
  headingLevel = 3,
}: {
  proposals: ProposalSummary[];
  debateSlug: string;
  subheadingSlug: string;
  headingLevel?: 2 | 3 | 4;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <ul className="mt-2 space-y-3">
      {proposals.map((p) => (
        <li
          key={p.id}
          className="rounded-lg border border-stone-200 bg-white p-3 dark:border-stone-800 dark:bg-stone-900"
        >
          <Heading className="font-medium">
            <Link href={proposalPath(debateSlug, subheadingSlug, p.id)} className="hover:underline">
              {firstWords(p.statement, 160)}
            </Link>
          </Heading>
          <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">
            By <AuthorName author={p.author} /> · <ProposalState proposal={p} />
          </p>
          <VoteCounts counts={p.counts} className="mt-1" />
          {p.outcome && (
            <p className="mt-1 text-sm">
              <span className="font-semibold">Outcome:</span> {p.outcome}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
