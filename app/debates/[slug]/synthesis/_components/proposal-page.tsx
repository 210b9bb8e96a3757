import { notFound } from "next/navigation";
import { AuthorName } from "@/components/author-name";
import { PostDate } from "@/components/post-date";
import { RichText } from "@/components/rich-text";
import { ProposalForms } from "@/components/synthesis/proposal-forms";
import { TextDiff } from "@/components/synthesis/text-diff";
import { readSynthesisProposal } from "@/server/cache/reads";
import { placeName, SynthesisCrumbs } from "./place-crumbs";

const DECIDED: Record<string, string> = {
  accepted: "Accepted",
  rejected: "Rejected",
  withdrawn: "Withdrawn by its proposer",
};

/** One proposed edit: what it says, its diff against the version it was written from and against today's text, and the decision. */
export async function ProposalView({
  debateSlug,
  subheadingSlug,
  proposalId,
}: {
  debateSlug: string;
  subheadingSlug: string | null;
  proposalId: string;
}) {
  const data = await readSynthesisProposal(debateSlug, subheadingSlug, proposalId);
  if (!data?.proposal) notFound();
  const { debate, proposal: p } = data;
  return (
    <>
      <SynthesisCrumbs place={data} inner />
      <h1 className="text-xl font-bold tracking-tight sm:text-2xl">
        Proposed edit to the synthesis of {placeName(data)}
      </h1>
      <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
        By <AuthorName author={p.author} /> · <PostDate date={p.createdAt} known /> · written from version{" "}
        {p.baseVersion}
        {p.note && <> · “{p.note}”</>}
      </p>
      <p className="mt-2 text-sm font-medium">
        {p.status === "open" ? "Open: waiting for the debate’s opener or a moderator." : DECIDED[p.status]}
        {p.decidedBy && (
          <>
            {" "}
            by <AuthorName author={p.decidedBy} />
          </>
        )}
        {p.decidedAt && (
          <>
            {" "}
            · <PostDate date={p.decidedAt} known />
          </>
        )}
        {p.decisionNote && <> · “{p.decisionNote}”</>}
      </p>

      <section aria-labelledby="diff-h" className="mt-6">
        <h2 id="diff-h" className="text-lg font-semibold">
          What it changes
        </h2>
        <TextDiff parts={p.diffFromBase} label={`Against version ${p.baseVersion}, which it was written from`} />
        {p.diffFromCurrent && (
          <>
            <p className="mt-4 text-sm font-medium text-amber-900 dark:text-amber-200">
              The synthesis has changed since (it is now version {p.currentVersion}). Accepting this proposal replaces
              the current text, as shown here:
            </p>
            <TextDiff parts={p.diffFromCurrent} label={`Against the current text, version ${p.currentVersion}`} />
          </>
        )}
      </section>
      <section aria-labelledby="proposed-h" className="mt-6">
        <h2 id="proposed-h" className="text-lg font-semibold">
          The proposed text
        </h2>
        <div className="mt-2 rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
          <RichText html={p.bodyHtml} />
        </div>
      </section>
      <ProposalForms
        proposalId={p.id}
        proposerId={p.authorId}
        openerId={debate.authorId}
        status={p.status}
        stale={p.stale}
      />
    </>
  );
}
