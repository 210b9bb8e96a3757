import type { ReactNode } from "react";
import { OpeningToggle } from "./debate-page-client";

/**
 * A long opening post, clipped after its first screen with a fade and a button to read it all.
 * The whole text is in the page (screen readers and find-in-page reach it, and search engines
 * read it). The clipping is this markup's (while `data-clipped` is set, and not while a link in it
 * has the focus: a keyboard reader sees where they are); OpeningToggle, the only script, sets and
 * clears it.
 */
export function CollapsibleOpening({ id, children }: { id: string; children: ReactNode }) {
  return (
    <>
      <div
        id={id}
        data-clipped=""
        className="group relative data-clipped:max-h-96 data-clipped:overflow-hidden data-clipped:focus-within:max-h-none"
      >
        {children}
        <div
          aria-hidden="true"
          className="pointer-events-none absolute inset-x-0 bottom-0 hidden h-24 bg-gradient-to-t from-white to-transparent group-data-clipped:block group-focus-within:hidden dark:from-stone-900"
        />
      </div>
      <OpeningToggle target={id} />
    </>
  );
}
