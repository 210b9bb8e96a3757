import { notFound } from "next/navigation";
import Link from "@/components/link";
import { AuthorName } from "@/components/author-name";
import { PostDate } from "@/components/post-date";
import { StatusLabel } from "@/components/synthesis/status-label";
import { TextDiff } from "@/components/synthesis/text-diff";
import { proposalPath, statusLabel, synthesisHistoryPath } from "@/lib/synthesis";
import { readSynthesisVersions } from "@/server/cache/reads";
import { placeName, SynthesisCrumbs } from "./place-crumbs";

/** Every version of a synthesis, newest first, each with who and when and its diff from the one before. */
export async function SynthesisHistoryView({
  debateSlug,
  subheadingSlug,
  before,
}: {
  debateSlug: string;
  subheadingSlug: string | null;
  before: string | null;
}) {
  const number = before === null ? null : Number(before);
  if (number !== null && !(Number.isSafeInteger(number) && number > 1)) notFound();
  const history = await readSynthesisVersions(debateSlug, subheadingSlug, number);
  if (!history) notFound();
  const { debate, subheading, versions, current, nextBefore } = history;
  const where = subheading?.slug ?? null;
  return (
    <>
      <SynthesisCrumbs place={history} inner />
      <h1 className="text-xl font-bold tracking-tight sm:text-2xl">History of the synthesis of {placeName(history)}</h1>
      {versions.length === 0 ? (
        <p className="mt-4 text-stone-600 dark:text-stone-400">
          {current === 0 ? "Nobody has written this synthesis yet." : "No older versions."}
        </p>
      ) : (
        <ol className="mt-6 space-y-6">
          {versions.map((v) => (
            <li key={v.id}>
              <article
                aria-labelledby={`v-${v.number}`}
                className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
              >
                <h2 id={`v-${v.number}`} className="flex flex-wrap items-center gap-2 text-base font-semibold">
                  Version {v.number}
                  {v.number === current && " (current)"} <StatusLabel status={v.status} />
                </h2>
                <p className="text-sm text-stone-600 dark:text-stone-400">
                  Words by <AuthorName author={v.author} />
                  {v.editor?.id !== v.author?.id && (
                    <>
                      , applied by <AuthorName author={v.editor} />
                    </>
                  )}
                  {v.proposalId && (
                    <>
                      {" "}
                      (
                      <Link href={proposalPath(debate.slug, where, v.proposalId)} className="underline">
                        the proposal
                      </Link>
                      )
                    </>
                  )}{" "}
                  · <PostDate date={v.createdAt} known />
                </p>
                {v.note && <p className="mt-1 text-sm">Note: “{v.note}”</p>}
                {v.previousStatus !== null && v.previousStatus !== v.status && (
                  <p className="mt-1 text-sm">
                    Status changed from {statusLabel(v.previousStatus)} to {statusLabel(v.status)}.
                  </p>
                )}
                <TextDiff
                  parts={v.diff}
                  label={v.number === 1 ? "The first version" : `Changes from version ${v.number - 1}`}
                />
              </article>
            </li>
          ))}
        </ol>
      )}
      {(nextBefore || before) && (
        <nav aria-label="Pages of versions" className="mt-6 flex flex-wrap gap-4 text-sm">
          {before && (
            <Link href={synthesisHistoryPath(debate.slug, where)} className="hover:underline">
              ← Newest versions
            </Link>
          )}
          {nextBefore && (
            <Link href={synthesisHistoryPath(debate.slug, where, nextBefore)} className="hover:underline">
              Older versions →
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
