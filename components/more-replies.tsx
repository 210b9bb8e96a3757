"use client";

import { Fragment, useState, useTransition, type MouseEvent, type ReactNode } from "react";
import { pluralize } from "@/lib/text";

/** What a "show more" request answers: the next replies rendered on the server (list items), and what is left. */
export type LoadedReplies = { items: ReactNode; remaining: number; after: string | null; count: number } | null;
/** The Server Action that renders the next replies of a post (app/…/_components/load-replies.tsx). */
export type LoadReplies = (input: { parentId: string; after: string | null; level: number }) => Promise<LoadedReplies>;

/**
 * "Show N more replies", as the last item of a post's reply list. With `load`, a click appends the
 * next replies in place (rendered on the server, a chunk at a time, by keyset); without it, or
 * before the page's script runs, it is a link to the post's permalink, which shows more of them.
 */
export function MoreReplies({
  parentId,
  after,
  level,
  remaining,
  href,
  load,
}: {
  parentId: string;
  after: string | null;
  level: number;
  remaining: number;
  href: string;
  load?: LoadReplies;
}) {
  const [chunks, setChunks] = useState<ReactNode[]>([]);
  const [next, setNext] = useState({ after, remaining });
  const [status, setStatus] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [pending, startTransition] = useTransition();

  function onClick(event: MouseEvent<HTMLAnchorElement>) {
    if (!load || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    if (pending) return;
    startTransition(async () => {
      try {
        const loaded = await load({ parentId, after: next.after, level });
        if (!loaded) throw new Error("not found");
        setChunks((all) => [...all, loaded.items]);
        setNext({ after: loaded.after, remaining: loaded.after ? loaded.remaining : 0 });
        setStatus(`${pluralize(loaded.count, "more reply", "more replies")} shown.`);
        setFailed(false);
      } catch {
        setFailed(true);
        setStatus("The replies could not be loaded. Try again.");
      }
    });
  }

  return (
    <>
      {chunks.map((chunk, i) => (
        <Fragment key={i}>{chunk}</Fragment>
      ))}
      <li className={next.remaining > 0 || status ? "" : "hidden"}>
        {next.remaining > 0 && (
          <a
            href={href}
            onClick={onClick}
            aria-disabled={pending || undefined}
            className="inline-block rounded px-1 text-sm font-medium text-amber-800 hover:underline dark:text-amber-300"
          >
            {pending ? "Loading replies…" : `Show ${pluralize(next.remaining, "more reply", "more replies")}`}
          </a>
        )}
        <span role="status" className={failed ? "ml-2 text-sm text-red-700 dark:text-red-400" : "sr-only"}>
          {status}
        </span>
      </li>
    </>
  );
}
