"use client";

import { useEffect, useRef } from "react";

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
