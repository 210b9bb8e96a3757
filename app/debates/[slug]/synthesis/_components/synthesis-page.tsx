import { notFound } from "next/navigation";
import Link from "@/components/link";
import { AuthorName } from "@/components/author-name";
import { PostDate } from "@/components/post-date";
import { StatusLabel } from "@/components/synthesis/status-label";
import { SynthesisForms } from "@/components/synthesis/synthesis-forms";
import { SynthesisText } from "@/components/synthesis/synthesis-text";
import { proposalPath, synthesisHistoryPath, synthesisPath } from "@/lib/synthesis";
import { readSynthesis } from "@/server/cache/reads";
import { placeName, SynthesisCrumbs } from "./place-crumbs";

/**
 * A synthesis's own page: the text in full, its status and last change, the open proposals, and
 * the forms (edit for moderators and the debate's opener, propose for the other members: the page
 * is cached and the same for everyone; the forms decide what to offer in the browser, and the
 * server decides what is allowed).
 */
export async function SynthesisPageView({
  debateSlug,
  subheadingSlug,
}: {
  debateSlug: string;
  subheadingSlug: string | null;
}) {
  const data = await readSynthesis(debateSlug, subheadingSlug);
  if (!data) notFound();
  const { debate, subheading, synthesis, proposals } = data;
  const written = synthesis.version > 0;
  return (
    <>
      <SynthesisCrumbs place={data} />
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Where the discussion stands: {placeName(data)}</h1>
      <section aria-labelledby="current-h" className="mt-6">
        <h2 id="current-h" className="flex flex-wrap items-center gap-2 text-lg font-semibold">
          The synthesis {written && <StatusLabel status={synthesis.status} />}
        </h2>
        {written && synthesis.body ? (
          <div className="mt-3 rounded-lg border border-stone-200 bg-white p-4 sm:p-6 dark:border-stone-800 dark:bg-stone-900">
            <SynthesisText pieces={synthesis.pieces} cards={synthesis.cards} />
          </div>
        ) : (
          <p className="mt-2 text-stone-600 italic dark:text-stone-400">Nobody has written a synthesis here yet.</p>
        )}
        {synthesis.lastChange && (
          <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
            Version {synthesis.version}: words by <AuthorName author={synthesis.lastChange.author} />
            {synthesis.lastChange.editor?.id !== synthesis.lastChange.author?.id && (
              <>
                , applied by <AuthorName author={synthesis.lastChange.editor} />
              </>
            )}{" "}
            · <PostDate date={synthesis.lastChange.createdAt} known />
            {synthesis.lastChange.note && <> · “{synthesis.lastChange.note}”</>}
          </p>
        )}
        <p className="mt-2 flex flex-wrap gap-4 text-sm">
          {written && (
            <Link href={synthesisHistoryPath(debate.slug, subheading?.slug ?? null)} className="hover:underline">
              History of every version
            </Link>
          )}
          {subheading && (
            <Link href={synthesisPath(debate.slug, null)} className="hover:underline">
              Where the whole debate stands
            </Link>
          )}
        </p>
      </section>

      <section aria-labelledby="proposals-h" className="mt-8">
        <h2 id="proposals-h" className="text-lg font-semibold">
          Open proposals
        </h2>
        {proposals.length === 0 ? (
          <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">No proposed edits are waiting.</p>
        ) : (
          <ul className="mt-2 divide-y divide-stone-200 dark:divide-stone-800">
            {proposals.map((p) => (
              <li key={p.id} className="py-2 text-sm">
                <Link
                  href={proposalPath(debate.slug, subheading?.slug ?? null, p.id)}
                  className="font-medium hover:underline"
                >
                  Proposed edit by {p.author?.name ?? "a former member"}
                </Link>{" "}
                <span className="text-stone-600 dark:text-stone-400">
                  · <PostDate date={p.createdAt} known /> · from version {p.baseVersion}
                  {p.baseVersion !== synthesis.version && " (the text has changed since)"}
                  {p.note && <> · “{p.note}”</>}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-label="Change the synthesis" className="mt-8 border-t border-stone-200 pt-6 dark:border-stone-800">
        <SynthesisForms
          debateId={debate.id}
          subheadingId={subheading?.id ?? null}
          openerId={debate.authorId}
          body={synthesis.body}
          status={synthesis.status}
          version={synthesis.version}
          proposers={
            subheading ? "members who have posted under this subheading" : "members who have taken part in this debate"
          }
        />
      </section>
    </>
  );
}

export async function synthesisTitle(debateSlug: string, subheadingSlug: string | null, what = "Synthesis") {
  const data = await readSynthesis(debateSlug, subheadingSlug);
  return data ? `${what} · ${data.subheading?.title ?? data.debate.title}` : "Synthesis not found";
}
