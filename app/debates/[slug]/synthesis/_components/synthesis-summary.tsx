import Link from "@/components/link";
import { AuthorName } from "@/components/author-name";
import { PostDate } from "@/components/post-date";
import { StatusLabel } from "@/components/synthesis/status-label";
import { SynthesisText } from "@/components/synthesis/synthesis-text";
import { synthesisHistoryPath, synthesisPath } from "@/lib/synthesis";
import { pluralize } from "@/lib/text";
import { readSynthesis } from "@/server/cache/reads";

/**
 * "Where the discussion stands", at the top of a subheading's page (server-rendered, from its own
 * cached read): the synthesis in full with its status and last change, and the links to propose or
 * make an edit and to its history. Before anyone wrote one, an invitation to.
 */
export async function SynthesisSummary({ debateSlug, subheadingSlug }: { debateSlug: string; subheadingSlug: string }) {
  const data = await readSynthesis(debateSlug, subheadingSlug);
  if (!data) return null;
  const { synthesis, proposals } = data;
  const href = synthesisPath(debateSlug, subheadingSlug);
  return (
    <section
      aria-labelledby="synthesis-h"
      className="mt-6 rounded-lg border border-amber-200 bg-amber-50/50 p-4 dark:border-amber-900 dark:bg-stone-900"
    >
      <h2 id="synthesis-h" className="flex flex-wrap items-center gap-2 text-lg font-semibold">
        Where the discussion stands {synthesis.version > 0 && <StatusLabel status={synthesis.status} />}
      </h2>
      {synthesis.version > 0 && synthesis.body ? (
        <>
          <div className="mt-2">
            <SynthesisText pieces={synthesis.pieces} cards={synthesis.cards} />
          </div>
          {synthesis.lastChange && (
            <p className="mt-2 text-xs text-stone-600 dark:text-stone-400">
              Version {synthesis.version}, by <AuthorName author={synthesis.lastChange.author} /> ·{" "}
              <PostDate date={synthesis.lastChange.createdAt} known />
            </p>
          )}
        </>
      ) : (
        <p className="mt-2 text-sm text-stone-600 italic dark:text-stone-400">
          No synthesis yet: a summary of where this discussion stands, written together.
        </p>
      )}
      <p className="mt-3 flex flex-wrap gap-4 text-sm">
        <Link href={href} className="font-medium text-amber-800 hover:underline dark:text-amber-300">
          {synthesis.version > 0 ? "Propose an edit or edit" : "Write or propose one"}
        </Link>
        {proposals.length > 0 && (
          <Link href={href} className="hover:underline">
            {pluralize(proposals.length, "open proposal")}
          </Link>
        )}
        {synthesis.version > 0 && (
          <Link href={synthesisHistoryPath(debateSlug, subheadingSlug)} className="hover:underline">
            History
          </Link>
        )}
      </p>
    </section>
  );
}
