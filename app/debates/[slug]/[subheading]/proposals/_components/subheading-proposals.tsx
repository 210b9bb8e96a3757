import Link from "@/components/link";
import { Decisions } from "@/components/proposals/outcomes";
import { ProposalList } from "@/components/proposals/proposal-summary";
import { NewProposal } from "@/components/proposals/proposal-tools";
import { proposalsPath } from "@/lib/proposals";
import { readSubheadingProposals } from "@/server/cache/reads";

type Place = { debateSlug: string; subheadingSlug: string; subheadingId: string };

/** The subheading's decisions (closed proposals with an outcome), where its page shows its synthesis. */
export async function SubheadingDecisions({ debateSlug, subheadingSlug, subheadingId }: Place) {
  const { decisions } = await readSubheadingProposals(subheadingId);
  return <Decisions decisions={decisions} debateSlug={debateSlug} subheadingSlug={subheadingSlug} />;
}

/**
 * The subheading's "Proposals" section: a few open ones (closing soonest first) and a few closed
 * ones with their outcomes, a link to all of them, and "Make a proposal" for members when the place
 * is open. Server markup; only the form is a client component, loaded for members.
 */
export async function SubheadingProposals({
  debateSlug,
  subheadingSlug,
  subheadingId,
  open,
}: Place & { open: boolean }) {
  const { open: opened, closed, total } = await readSubheadingProposals(subheadingId);
  const shown = opened.length + closed.length;
  return (
    <section aria-labelledby="proposals-h" className="mt-8">
      <h2 id="proposals-h" className="text-lg font-semibold">
        Proposals
      </h2>
      {total === 0 && (
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">No proposals under this subheading yet.</p>
      )}
      {opened.length > 0 && (
        <>
          <h3 className="mt-3 text-sm font-semibold">Open for votes</h3>
          <ProposalList proposals={opened} debateSlug={debateSlug} subheadingSlug={subheadingSlug} headingLevel={4} />
        </>
      )}
      {closed.length > 0 && (
        <>
          <h3 className="mt-3 text-sm font-semibold">Closed</h3>
          <ProposalList proposals={closed} debateSlug={debateSlug} subheadingSlug={subheadingSlug} headingLevel={4} />
        </>
      )}
      {total > 0 && (
        <p className="mt-2 text-sm">
          <Link href={proposalsPath(debateSlug, subheadingSlug)} className="underline">
            {total > shown ? `All ${total} proposals` : "All proposals"}
          </Link>
        </p>
      )}
      {open && (
        <div className="mt-3">
          <NewProposal subheadingId={subheadingId} />
        </div>
      )}
    </section>
  );
}
