import Link from "@/components/link";
import { PostDate } from "@/components/post-date";
import { NewCount } from "@/components/unread/unread-counts";
import { subheadingPath } from "@/lib/paths";
import { pluralize } from "@/lib/text";
import type { SubheadingSummary } from "@/lib/views";

/** The debate's subheadings at a glance: the structure Ning's thread could only ask for. */
export function Outline({ debateSlug, sections }: { debateSlug: string; sections: SubheadingSummary[] }) {
  return (
    <nav aria-labelledby="outline-title" className="mt-8">
      <h2 id="outline-title" className="text-xl font-semibold">
        Subheadings
      </h2>
      {/* Each item's styles are set once here: every item is in the HTML and again in the inline payload. */}
      <ol className="mt-3 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900 [&>li]:flex [&>li]:flex-col [&>li]:gap-1 [&>li]:px-4 [&>li]:py-3 sm:[&>li]:flex-row sm:[&>li]:items-baseline sm:[&>li]:justify-between sm:[&>li]:gap-4">
        {sections.map((s, index) => (
          <li key={s.id}>
            <Link href={subheadingPath(debateSlug, s.slug)} className="font-medium hover:underline">
              <span className="mr-2 text-stone-500 tabular-nums">{index + 1}.</span>
              {s.title}
            </Link>
            <NewCount subheadingId={s.id} />
            <span className="shrink-0 text-sm text-stone-600 dark:text-stone-400">
              {pluralize(s.contributionCount, "contribution")}, {pluralize(s.replyCount, "reply", "replies")}
              {s.lastActivityAt && (
                <>
                  {" "}
                  · last <PostDate date={s.lastActivityAt} known />
                </>
              )}
            </span>
          </li>
        ))}
      </ol>
    </nav>
  );
}
