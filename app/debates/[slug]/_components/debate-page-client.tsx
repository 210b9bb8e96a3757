"use client";

import { useEffect, useRef, useState } from "react";

// The debate page's two client parts, in one module (one script, one module wrapper, on a page whose
// JavaScript budget is tight).

/**
 * "Read the whole opening post": opens and closes the clipped opening (components' `data-clipped`
 * on the element `target`; while something in it has the focus, its markup shows it whole). A text
 * that turns out to fit is left as it is, without the button.
 */
export function OpeningToggle({ target }: { target: string }) {
  const [open, setOpen] = useState(false);
  const [fits, setFits] = useState(false);

  useEffect(() => {
    const box = document.getElementById(target);
    if (!box) return;
    // Measured once laid out, while still clipped.
    const frame = requestAnimationFrame(() => setFits(box.scrollHeight <= box.clientHeight + 16));
    return () => cancelAnimationFrame(frame);
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
      className="link-accent mt-3 rounded-md text-sm underline-offset-2 hover:underline"
    >
      {open ? "Show less of the opening post" : "Read the whole opening post"}
    </button>
  );
}

/** Counts this visit once: the page is served from a cache, so the count is sent from here. */
export function ViewBeacon({ url }: { url: string }) {
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    fetch(url, { method: "POST", keepalive: true }).catch(() => {
      // A lost view is not worth bothering the reader about.
    });
  }, [url]);
  return null;
}
