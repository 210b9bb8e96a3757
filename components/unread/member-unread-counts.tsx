"use client";

import Link from "@/components/link";
import { useEffect, useSyncExternalStore } from "react";
import { fetchJson } from "@/lib/fetch-json";
import { catchUpPath, unreadApi } from "@/lib/paths";
import { pluralize } from "@/lib/text";
import type { DebateUnread, HomeUnread } from "@/lib/unread";
import { useViewer } from "../use-viewer";
import type { Scope } from "./unread-counts";

// The counts live in a tiny store of the page's own, so the page only places a loader
// (<UnreadCounts>) and the badges (<NewCount>) where it wants them, wrapping nothing.
type Counts = {
  viewerId: string;
  scope: string;
  subheadings?: Record<string, number>;
  debates?: Record<string, number>;
  total?: number;
};
let counts: Counts | null = null;
const listeners = new Set<() => void>();
const publish = (next: Counts | null) => {
  counts = next;
  listeners.forEach((listener) => listener());
};
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};
const useCounts = () =>
  useSyncExternalStore(
    subscribe,
    () => counts,
    () => null,
  );

const scopeKey = (scope: Scope) => (scope === "home" ? "home" : `debate:${scope.debateId}`);

/**
 * Asks, each time the page is shown and only for a signed-in member, how many posts are new to
 * them: per subheading of a debate, or per debate (the home page). The page around it stays cached
 * and the same for everyone; anonymous visitors cause no request. Renders nothing itself.
 */
export function UnreadCounts({ scope }: { scope: Scope }) {
  const { viewer } = useViewer();
  const viewerId = viewer?.id ?? null;
  const key = scopeKey(scope);
  useEffect(() => {
    if (!viewerId) return;
    let current = true;
    const url = unreadApi(key === "home" ? undefined : { debate: key.slice("debate:".length) });
    void fetchJson<Partial<DebateUnread & HomeUnread>>(url, { cache: "no-store" }).then((result) => {
      // A count that cannot be had is left out: it is a hint, not worth an error message.
      if (current && result.ok) publish({ viewerId, scope: key, ...result.data });
    });
    return () => {
      current = false;
    };
  }, [viewerId, key]);
  return null;
}

/** The counts for the signed-in member, if they are this page's (not a previous page's or member's). */
function useOwnCounts(): Counts | null {
  const { viewer } = useViewer();
  const current = useCounts();
  return viewer && current?.viewerId === viewer.id ? current : null;
}

/** "N new" beside a subheading or a debate, when it has posts new to the member. */
export function NewCount(props: { subheadingId: string } | { debateId: string }) {
  const current = useOwnCounts();
  const n = "subheadingId" in props ? current?.subheadings?.[props.subheadingId] : current?.debates?.[props.debateId];
  if (!n) return null;
  return (
    <span className="ml-2 inline-block rounded-full bg-amber-100 px-2 py-0.5 align-middle text-xs font-semibold whitespace-nowrap text-amber-900 dark:bg-amber-900/50 dark:text-amber-100">
      {n} new<span className="sr-only"> since your last visit</span>
    </span>
  );
}

/** The debate page's way to the catch-up page, when something in it is new to the member. */
export function CatchUpLink({ debateSlug, debateId }: { debateSlug: string; debateId: string }) {
  const current = useOwnCounts();
  const total = current?.scope === scopeKey({ debateId }) ? (current.total ?? 0) : 0;
  if (total === 0) return null;
  return (
    <p className="mt-6 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm dark:border-amber-700 dark:bg-amber-950/40">
      <Link href={catchUpPath(debateSlug)} className="font-medium text-amber-900 underline dark:text-amber-200">
        Catch up: {pluralize(total, "new post")} since your last visit
      </Link>
    </p>
  );
}
