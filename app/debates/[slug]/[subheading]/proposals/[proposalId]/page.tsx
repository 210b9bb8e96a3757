import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { AuthorName } from "@/components/author-name";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { LocalTime } from "@/components/post-date";
import { ProposalState, VoteCounts } from "@/components/proposals/proposal-summary";
import { CloseEarly, OutcomePanel, VotePanel } from "@/components/proposals/proposal-tools";
import { debatePath, homePath, subheadingPath } from "@/lib/paths";
import { firstWords, proposalPath, proposalsPath, VOTE_LABELS } from "@/lib/proposals";
import { PLACEHOLDER_PARAM } from "@/lib/route-placeholder";
import { readProposal } from "@/server/cache/reads";

type Props = PageProps<"/debates/[slug]/[subheading]/proposals/[proposalId]">;

// A proposal: its statement, counts, every vote with its name and reason (votes are public, as in
// Loomio), its outcome. Cached whole, the same for everyone; the member's own vote and the forms
// load in the browser for those who may use them.
export const instant = false;

export function generateStaticParams() {
  return [{ slug: PLACEHOLDER_PARAM, subheading: PLACEHOLDER_PARAM, proposalId: PLACEHOLDER_PARAM }];
}

async function load(params: Props["params"]) {
  const { slug, subheading, proposalId } = await params;
  const page = await readProposal(slug, subheading, proposalId);
  if (page && "moved" in page)
    permanentRedirect(proposalPath(page.moved.debateSlug, page.moved.subheadingSlug, proposalId));
  return page;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await load(params);
  return { title: page ? `Proposal: ${firstWords(page.proposal.statement, 60)}` : "Proposal not found" };
}

export default async function ProposalPage({ params }: Props) {
  const page = await load(params);
  if (!page) notFound();
  const { debate, subheading, proposal } = page;
  const locked = debate.locked || subheading.locked;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: homePath(), label: "Debates" },
          { href: debatePath(debate.slug), label: debate.title },
          { href: subheadingPath(debate.slug, subheading.slug), label: subheading.title },
          { href: proposalsPath(debate.slug, subheading.slug), label: "Proposals" },
        ]}
      />
      <article aria-labelledby="proposal-h">
        <h1 id="proposal-h" className="text-xl font-bold tracking-tight">
          Proposal
        </h1>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          By <AuthorName author={proposal.author} /> · <LocalTime date={proposal.createdAt} /> ·{" "}
          <ProposalState proposal={proposal} />
          {proposal.closedEarly && proposal.closedBy && (
            <>
              {" "}
              by <AuthorName author={proposal.closedBy} />
            </>
          )}
        </p>
        <p className="mt-3 rounded-lg border border-stone-200 bg-white p-4 whitespace-pre-line dark:border-stone-800 dark:bg-stone-900">
          {proposal.statement}
        </p>
        <VoteCounts counts={proposal.counts} className="mt-3" />

        {proposal.outcome && (
          <section
            aria-labelledby="outcome-h"
            className="mt-4 rounded-lg border border-emerald-200 bg-emerald-50 p-4 dark:border-emerald-900 dark:bg-emerald-950"
          >
            <h2 id="outcome-h" className="font-semibold">
              Outcome
            </h2>
            <p className="mt-1 whitespace-pre-line">{proposal.outcome}</p>
            <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">
              Recorded by <AuthorName author={proposal.outcomeBy} />
              {proposal.outcomeAt && (
                <>
                  {" "}
                  <LocalTime date={proposal.outcomeAt} />
                </>
              )}
            </p>
          </section>
        )}

        <div className="mt-4 space-y-3">
          {locked && !proposal.closed ? (
            <p className="text-sm text-stone-700 dark:text-stone-300">
              This part of the debate is locked: votes can no longer be cast or changed.
            </p>
          ) : (
            <VotePanel proposalId={proposal.id} closesAt={proposal.closesAt.toISOString()} closed={proposal.closed} />
          )}
          {!proposal.closed && <CloseEarly proposalId={proposal.id} />}
          <OutcomePanel
            proposalId={proposal.id}
            authorId={proposal.authorId}
            closed={proposal.closed}
            outcome={proposal.outcome}
          />
        </div>

        <section aria-labelledby="votes-h" className="mt-6">
          <h2 id="votes-h" className="font-semibold">
            Votes
          </h2>
          <p className="text-xs text-stone-600 dark:text-stone-400">
            Votes are public: each shows the member’s name and reason.
          </p>
          {proposal.votes.length === 0 ? (
            <p className="mt-2 text-sm text-stone-600 italic dark:text-stone-400">No votes yet.</p>
          ) : (
            <ul className="mt-2 divide-y divide-stone-200 text-sm dark:divide-stone-800">
              {proposal.votes.map((vote, i) => (
                <li key={vote.voter?.id ?? i} className="py-2">
                  <AuthorName author={vote.voter} />: <span className="font-semibold">{VOTE_LABELS[vote.value]}</span>
                  {vote.reason && <span className="whitespace-pre-line"> — {vote.reason}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      </article>
    </>
  );
}
