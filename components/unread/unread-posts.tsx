"use client";

import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { fetchJson } from "@/lib/fetch-json";
import { postAnchor, readMarkApi, unreadApi } from "@/lib/paths";
import { pluralize } from "@/lib/text";
import { readUpTo, type ReadMarkView, type SubheadingUnread } from "@/lib/unread";
import { useViewer } from "../use-viewer";

type Unread = { ids: ReadonlySet<string>; first: string | null };
const UnreadContext = createContext<Unread | null>(null);
const PREFIX = postAnchor("");

/**
 * On a subheading page, for a signed-in member: asks which of its posts are new to them, marks
 * those the page shows ("New", and a jump to the first), then marks the subheading read up to what
 * the page showed (lib/unread.ts readUpTo: a post made after the page was rendered stays new).
 */
export function UnreadPosts({ subheadingId, children }: { subheadingId: string; children: ReactNode }) {
  const { viewer } = useViewer();
  const viewerId = viewer?.id ?? null;
  const container = useRef<HTMLDivElement>(null);
  const [unread, setUnread] = useState<(Unread & { viewerId: string }) | null>(null);

  useEffect(() => {
    if (!viewerId) return;
    let current = true;
    void (async () => {
      const result = await fetchJson<SubheadingUnread>(unreadApi({ subheading: subheadingId }), { cache: "no-store" });
      const root = container.current;
      if (!current || !result.ok || !root) return;
      const articles = [...root.querySelectorAll<HTMLElement>("article[data-created]")];
      const onPage = articles.map((a) => a.id.slice(PREFIX.length));
      const shown = new Set(onPage);
      const times = articles.map((a) => Date.parse(a.dataset.created ?? "")).filter((t) => !Number.isNaN(t));
      const horizon = times.length > 0 ? Math.max(...times) : null;
      const ids = new Set(result.data.posts.map((p) => p.id).filter((id) => shown.has(id)));
      setUnread({ viewerId, ids, first: onPage.find((id) => ids.has(id)) ?? null });

      const upTo = readUpTo(result.data.posts, (id) => shown.has(id), horizon);
      if (upTo === null || upTo <= Date.parse(result.data.since)) return;
      await fetchJson<ReadMarkView>(readMarkApi(), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ subheadingId, upTo: new Date(upTo).toISOString() }),
        keepalive: true,
      });
    })();
    return () => {
      current = false;
    };
  }, [viewerId, subheadingId]);

  return (
    <UnreadContext.Provider value={viewerId && unread?.viewerId === viewerId ? unread : null}>
      <div ref={container}>{children}</div>
    </UnreadContext.Provider>
  );
}

/** "New" on a post the member has not seen before (inside UnreadPosts; nothing elsewhere). */
export function NewBadge({ postId }: { postId: string }) {
  const unread = useContext(UnreadContext);
  if (!unread?.ids.has(postId)) return null;
  return (
    <span className="rounded bg-amber-100 px-1.5 text-xs font-semibold tracking-wide text-amber-900 uppercase dark:bg-amber-900/50 dark:text-amber-100">
      New<span className="sr-only"> since your last visit</span>
    </span>
  );
}

/** How many posts on this page are new, with a link to the first. Announced when it appears. */
export function JumpToFirstNew() {
  const unread = useContext(UnreadContext);
  return (
    <div role="status" className="empty:hidden">
      {unread?.first && (
        <p className="mb-4 flex flex-wrap items-baseline gap-x-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-2 text-sm dark:border-amber-700 dark:bg-amber-950/40">
          <span>{pluralize(unread.ids.size, "new post")} since your last visit.</span>
          <a href={`#${postAnchor(unread.first)}`} className="font-medium text-amber-900 underline dark:text-amber-200">
            Jump to the first new post
          </a>
        </p>
      )}
    </div>
  );
}
