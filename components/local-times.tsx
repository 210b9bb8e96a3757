"use client";

import { useEffect } from "react";
import { formatLocal, formatLocalFull, LOCAL_TIME_ATTRIBUTE, relativeOrAbsolute } from "@/lib/time-format";

const SELECTOR = `time[${LOCAL_TIME_ATTRIBUTE}]`;
const EVERY_MINUTE = 60_000;

/** Rewrites one <time> for this reader; touches the DOM only when the words change. */
function localise(time: HTMLTimeElement, now: Date): void {
  const date = new Date(time.dateTime);
  if (Number.isNaN(date.getTime())) return;
  const text =
    time.getAttribute(LOCAL_TIME_ATTRIBUTE) === "absolute" ? formatLocal(date) : relativeOrAbsolute(date, now);
  if (time.textContent !== text) time.textContent = text;
  const title = formatLocalFull(date);
  if (time.title !== title) time.title = title;
}

function localiseWithin(root: ParentNode, now = new Date()): void {
  if (root instanceof HTMLTimeElement && root.matches(SELECTOR)) localise(root, now);
  for (const time of root.querySelectorAll<HTMLTimeElement>(SELECTOR)) localise(time, now);
}

/**
 * The page's one localiser of dates, mounted once in the layout: every <time data-local> the
 * server rendered in UTC (components/post-date.tsx) is shown in the browser's locale and zone,
 * relative within the week, again every minute, and as soon as new content brings more (live
 * posts, "show more", a refreshed page), so no date needs a client component of its own.
 */
export function LocalTimes() {
  useEffect(() => {
    localiseWithin(document);
    const observer = new MutationObserver((mutations) => {
      const now = new Date();
      for (const m of mutations) {
        // A <time> whose dateTime or text React changed (hydrating late, or an update) is shown
        // again; rewriting it wakes this once more, finds nothing to change, and stops.
        const time = m.target instanceof HTMLTimeElement ? m.target : m.target.parentElement;
        if (time instanceof HTMLTimeElement) localiseWithin(time, now);
        for (const node of m.addedNodes) if (node instanceof Element) localiseWithin(node, now);
      }
    });
    // Our own title changes are not watched (only dateTime among the attributes).
    observer.observe(document.body, {
      childList: true,
      characterData: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["datetime"],
    });
    const timer = setInterval(() => localiseWithin(document), EVERY_MINUTE);
    return () => {
      observer.disconnect();
      clearInterval(timer);
    };
  }, []);
  return null;
}
