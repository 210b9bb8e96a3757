"use client";

import { useEffect, useState } from "react";

/**
 * "Read the whole opening post": opens and closes the clipped opening (components' `data-clipped`
 * on the element `target`). A link or anything focusable in the clipped part opens it when it gets
 * the focus. A text that turns out to fit is left as it is, without the button.
 */
export function OpeningToggle({ target }: { target: string }) {
  const [open, setOpen] = useState(false);
  const [fits, setFits] = useState(false);

  useEffect(() => {
    const box = document.getElementById(target);
    if (!box) return;
    // Measured once laid out, while still clipped.
    const frame = requestAnimationFrame(() => setFits(box.scrollHeight <= box.clientHeight + 16));
    const onFocus = () => setOpen(true);
    box.addEventListener("focusin", onFocus);
    return () => {
      cancelAnimationFrame(frame);
      box.removeEventListener("focusin", onFocus);
    };
  }, [target]);

  useEffect(() => {
    document.getElementById(target)?.toggleAttribute("data-clipped", !open && !fits);
  }, [target, open, fits]);

  if (fits) return null;
  return (
    <button
      type="button"
      aria-expanded={open}
      aria-controls={target}
      onClick={() => setOpen((was) => !was)}
      className="mt-3 rounded-md text-sm font-medium text-amber-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-700 dark:text-amber-300"
    >
      {open ? "Show less of the opening post" : "Read the whole opening post"}
    </button>
  );
}
