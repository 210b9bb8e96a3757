"use client";

import Link from "@/components/link";
import { pillClass } from "@/components/button-class";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useViewer } from "@/components/use-viewer";
import { fetchJson } from "@/lib/fetch-json";
import { postSortApi, sortedSubheadingPath } from "@/lib/paths";
import { POST_SORTS, type PostSort } from "@/lib/post-sort";
import { flatSubheadingPath } from "@/lib/reading-mode";
import { savedReadingMode } from "@/components/reading-mode-picker";
import type { PostSortView } from "@/lib/views";

/**
 * The order of a subheading's contributions: three links (each order is its own cached URL), and,
 * for a signed-in member, the memory of their choice. Picking an order saves it; opening the plain
 * URL (no order in it) moves a member who reads flat to the flat page, and one whose saved order
 * differs to theirs, so the cached HTML stays the same for everyone.
 */
export function SortPicker({
  debateSlug,
  subheadingSlug,
  current,
  explicit,
}: {
  debateSlug: string;
  subheadingSlug: string;
  current: PostSort;
  /** The URL names its order (…/sort/<order>, or a later page): no move to the saved one. */
  explicit: boolean;
}) {
  const { viewer } = useViewer();
  const router = useRouter();
  const signedIn = viewer !== null;

  useEffect(() => {
    if (explicit || !signedIn) return;
    let cancelled = false;
    // The saved reading mode first: a member who reads flat goes to the flat page (lib/reading-mode.ts).
    void Promise.all([savedReadingMode(), fetchJson<PostSortView>(postSortApi(), { cache: "no-store" })]).then(
      ([mode, order]) => {
        if (cancelled) return;
        if (mode === "flat") router.replace(flatSubheadingPath(debateSlug, subheadingSlug));
        else if (order.ok && order.data.sort !== current)
          router.replace(sortedSubheadingPath(debateSlug, subheadingSlug, order.data.sort));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [explicit, signedIn, current, debateSlug, subheadingSlug, router]);

  // A member's choice is saved by a plain request beside the navigation (the link's own). It was a
  // Server Action, whose answer, applied by Next's router, could put the page back on the URL it
  // was sent from (seen in CI: the click left the member on the old order).
  function save(sort: PostSort) {
    if (!signedIn) return;
    // Nothing to show when saving fails: the order still changes, only the memory of it does not.
    void fetchJson(postSortApi(), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ sort }),
      keepalive: true,
    });
  }

  return (
    <nav aria-label="Order of contributions" className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-stone-600 dark:text-stone-400">Order:</span>
      <ul className="flex flex-wrap gap-1">
        {POST_SORTS.map(({ value, label }) => (
          <li key={value}>
            <Link
              href={sortedSubheadingPath(debateSlug, subheadingSlug, value)}
              aria-current={value === current ? "page" : undefined}
              onClick={() => save(value)}
              className={pillClass(value === current)}
            >
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
