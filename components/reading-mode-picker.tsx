"use client";

import Link from "@/components/link";
import { pillClass } from "@/components/button-class";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useViewer } from "@/components/use-viewer";
import { fetchJson } from "@/lib/fetch-json";
import { READING_MODES, readingModeApi, type ReadingMode, type ReadingModeView } from "@/lib/reading-mode";

// The mode picked in this tab: the saved one may not have reached the server yet when the next page
// asks for it (the save goes beside the link's navigation), and a page must not move the member
// back to the mode they just left.
let picked: ReadingMode | null = null;

/** The member's reading mode as this tab knows it: picked here, else as saved (GET /api/me/reading-mode). */
export async function savedReadingMode(): Promise<ReadingMode | null> {
  if (picked) return picked;
  const result = await fetchJson<ReadingModeView>(readingModeApi(), { cache: "no-store" });
  return result.ok ? result.data.mode : null;
}

/** Remembers the mode a member picks: in this tab at once, and on the server beside the navigation. */
function save(mode: ReadingMode) {
  picked = mode;
  // Nothing to show when saving fails: the view still changes, only the memory of it does not.
  void fetchJson(readingModeApi(), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ mode }),
    keepalive: true,
  });
}

/**
 * Nested or flat: two links (each mode is its own cached URL), and, for a signed-in member, the
 * memory of their choice. Picking a mode saves it; with `moveToSaved`, a member whose saved mode
 * is flat is moved from the nested page to the flat one (the subheading page's order picker does
 * that itself, as it also moves to the saved order), so the cached HTML stays the same for everyone.
 */
export function ReadingModePicker({
  current,
  hrefs,
  moveToSaved = false,
}: {
  current: ReadingMode;
  hrefs: Record<ReadingMode, string>;
  moveToSaved?: boolean;
}) {
  const { viewer } = useViewer();
  const router = useRouter();
  const signedIn = viewer !== null;
  const flat = hrefs.flat;

  useEffect(() => {
    if (!moveToSaved || !signedIn || current === "flat") return;
    let cancelled = false;
    void savedReadingMode().then((mode) => {
      if (!cancelled && mode === "flat") router.replace(flat);
    });
    return () => {
      cancelled = true;
    };
  }, [moveToSaved, signedIn, current, flat, router]);

  return (
    <nav aria-label="Reading mode" className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-stone-600 dark:text-stone-400">Read:</span>
      <ul className="flex flex-wrap gap-1">
        {READING_MODES.map(({ value, label }) => (
          <li key={value}>
            <Link
              href={hrefs[value]}
              aria-current={value === current ? "page" : undefined}
              onClick={() => signedIn && save(value)}
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
