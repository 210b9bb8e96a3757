"use client";

import Link from "@/components/link";
import { subheadingPath } from "@/lib/paths";
import type { MovedAwayView } from "@/lib/views";
import { useDebate } from "./debate-context";
import { PostDate } from "./post-date";

// The notes a moderator's move leaves. They read the page's debate (debate-context.tsx) for the
// subheadings' titles, and are rendered on the server with the page, so the cached HTML has them.

const noteClass = "mt-1 text-xs italic text-stone-600 dark:text-stone-400";

/** On a moved post: where it came from. */
export function MovedHereNote({ fromSubheadingId, subheadingId }: { fromSubheadingId: string; subheadingId: string }) {
  const debate = useDebate();
  if (fromSubheadingId === subheadingId) {
    return <p className={noteClass}>Moved out of its thread by a moderator</p>;
  }
  const from = debate?.subheadings.find((s) => s.id === fromSubheadingId);
  return (
    <p className={noteClass}>Moved here from {from ? <>“{from.title}”</> : "another subheading"} by a moderator</p>
  );
}

function Destination({ move }: { move: MovedAwayView }) {
  const debate = useDebate();
  const title = move.toTitle ? `“${move.toTitle}”` : "another subheading";
  if (!debate || !move.toSlug) return <>{title}</>;
  return (
    <Link href={subheadingPath(debate.debateSlug, move.toSlug)} className="underline hover:no-underline">
      {title}
    </Link>
  );
}

/** Under a post: each reply to it that a moderator moved elsewhere. */
export function MovedAwayNotes({ parentId }: { parentId: string }) {
  const moves = useDebate()?.movedAway?.filter((m) => m.fromParentId === parentId) ?? [];
  if (moves.length === 0) return null;
  return (
    <ul className="mt-2 space-y-1">
      {moves.map((move) => (
        <li key={move.id} className={noteClass}>
          A reply was moved to <Destination move={move} /> by a moderator
        </li>
      ))}
    </ul>
  );
}

/** In a subheading's list: the contributions moderators moved elsewhere (the newest). */
export function MovedContributionNotes() {
  const moves = useDebate()?.movedAway?.filter((m) => m.fromParentId === null) ?? [];
  if (moves.length === 0) return null;
  return (
    <section aria-label="Moved elsewhere" className="mt-6 border-t border-stone-200 pt-3 dark:border-stone-800">
      <ul className="space-y-1">
        {moves.map((move) => (
          <li key={move.id} className="text-sm italic text-stone-600 dark:text-stone-400">
            A contribution was moved to <Destination move={move} /> by a moderator ·{" "}
            <PostDate date={move.movedAt} known />
          </li>
        ))}
      </ul>
    </section>
  );
}
