"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * A long opening post, clipped after its first screen with a fade and a button to read it all.
 * The whole text is in the page (screen readers and find-in-page reach it, and search engines
 * read it); a link or anything focusable in the clipped part opens it when it gets the focus.
 * A text that turns out to fit is left as it is, without the button.
 */
export function CollapsibleOpening({ id, children }: { id: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const [fits, setFits] = useState(false);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = box.current;
    if (el && el.scrollHeight <= el.clientHeight + 16) setFits(true);
  }, []);

  const clipped = !open && !fits;
  return (
    <>
      <div
        id={id}
        ref={box}
        className={clipped ? "relative max-h-96 overflow-hidden" : undefined}
        onFocus={() => setOpen(true)}
      >
        {children}
        {clipped && (
          <div
            aria-hidden="true"
            className="pointer-events-none absolute inset-x-0 bottom-0 h-24 bg-gradient-to-t from-white to-transparent dark:from-stone-900"
          />
        )}
      </div>
      {!fits && (
        <button
          type="button"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen((was) => !was)}
          className="mt-3 rounded-md text-sm font-medium text-amber-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-700 dark:text-amber-300"
        >
          {open ? "Show less of the opening post" : "Read the whole opening post"}
        </button>
      )}
    </>
  );
}
