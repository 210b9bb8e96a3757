import Link from "@/components/link";
import { AuthorName } from "@/components/author-name";
import { describeMarks, SPLIT_SHOWN_AT } from "@/lib/marks";
import { postPath } from "@/lib/paths";
import { REPLY_TYPE_LABELS, REPLY_TYPES, typeFilterPath, type ReplyType } from "@/lib/reply-types";
import type { StandLine } from "@/server/marks/where-we-stand";
import { readWhereWeStand } from "@/server/cache/reads";

/**
 * "Where we stand": the subheading's posts most agreed on, the most contested and the questions
 * still open (server/marks/where-we-stand.ts), server-rendered from a read cached under the
 * subheading's tag. Nothing at all until one of its lists has something.
 */
export async function WhereWeStand({ subheadingId, debateSlug }: { subheadingId: string; debateSlug: string }) {
  const stand = await readWhereWeStand(subheadingId);
  const lists = [
    { id: "stand-agreed", title: "Broadest agreement", lines: stand.broadest },
    { id: "stand-contested", title: "Most contested", lines: stand.contested },
    { id: "stand-open", title: "Open questions", lines: stand.openQuestions },
  ].filter((list) => list.lines.length > 0);
  if (lists.length === 0) return null;
  return (
    <section
      aria-labelledby="stand-h"
      className="mt-6 rounded-lg border border-stone-200 bg-white p-3 sm:p-4 dark:border-stone-800 dark:bg-stone-900"
    >
      <h2 id="stand-h" className="text-lg font-semibold">
        Where we stand
      </h2>
      <p className="text-xs text-stone-600 dark:text-stone-400">
        From members’ agree / disagree / pass marks (posts with at least {SPLIT_SHOWN_AT}), and questions no one has
        answered yet.
      </p>
      <div className="mt-2 grid gap-4 sm:grid-cols-3">
        {lists.map((list) => (
          <div key={list.id}>
            <h3 id={list.id} className="text-sm font-semibold">
              {list.title}
            </h3>
            <ul aria-labelledby={list.id} className="mt-1 space-y-2 text-sm">
              {list.lines.map((line) => (
                <StandItem key={line.id} line={line} debateSlug={debateSlug} />
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}

function StandItem({ line, debateSlug }: { line: StandLine; debateSlug: string }) {
  const marks = describeMarks(line.marks);
  return (
    <li>
      <Link
        href={postPath(debateSlug, line.id)}
        className="font-medium text-amber-800 hover:underline dark:text-amber-300"
      >
        {line.headline || "(no text)"}
      </Link>
      <span className="block text-xs text-stone-600 dark:text-stone-400">
        <AuthorName author={line.author} />
        {marks && <> · {marks}</>}
      </span>
    </li>
  );
}

/** Links to a subheading's replies of each type (…/type/<type>): no client script needed. */
export function ReplyTypeFilter({
  debateSlug,
  subheadingSlug,
  current = null,
}: {
  debateSlug: string;
  subheadingSlug: string;
  current?: ReplyType | null;
}) {
  return (
    <nav aria-label="Replies by type" className="mt-4 flex flex-wrap items-center gap-2 text-sm">
      <span className="text-stone-600 dark:text-stone-400">Replies by type:</span>
      {REPLY_TYPES.map((type) => (
        <Link
          key={type}
          href={typeFilterPath(debateSlug, subheadingSlug, type)}
          aria-current={type === current ? "page" : undefined}
          className="rounded border border-stone-300 px-2 py-0.5 hover:bg-stone-100 aria-[current=page]:bg-stone-800 aria-[current=page]:text-white dark:border-stone-700 dark:hover:bg-stone-800 dark:aria-[current=page]:bg-stone-200 dark:aria-[current=page]:text-stone-900"
        >
          {REPLY_TYPE_LABELS[type]}
        </Link>
      ))}
    </nav>
  );
}
