"use client";

import { useEffect, useState } from "react";
import { lazyComponent } from "./lazy-component";

/** What a post's PostActions listens for on its own <article>: open the reply with this quote. */
export const QUOTE_EVENT = "debate:quote";
export type QuoteDetail = { text: string };
/** Set on a post's <article> by its PostActions while the viewer may reply to it (and so quote it). */
export const QUOTABLE_ATTR = "data-quotable";
export const QUOTABLE_EVENT = "debate:quotable";

/**
 * Marks a post quotable (or not) and has the button look at the selection again: text selected
 * before the session was known (a quick reader) is offered once the post becomes quotable.
 */
export function setQuotable(article: Element, quotable: boolean): void {
  if (quotable) article.setAttribute(QUOTABLE_ATTR, "");
  else article.removeAttribute(QUOTABLE_ATTR);
  document.dispatchEvent(new Event(QUOTABLE_EVENT));
}

// The button and its placing are loaded once some post on the page may be quoted: only signed-in
// members who may reply ever download them, and a reader never does.
const FloatingQuoteButton = lazyComponent(() => import("./floating-quote-button").then((m) => m.FloatingQuoteButton));

/** The page's one floating "Quote" button (floating-quote-button.tsx), mounted in the layout. */
export function FloatingQuote() {
  const [wanted, setWanted] = useState(false);
  useEffect(() => {
    if (wanted) return;
    const check = () => {
      if (document.querySelector(`[${QUOTABLE_ATTR}]`)) setWanted(true);
    };
    check(); // a post may have been marked before this listened
    document.addEventListener(QUOTABLE_EVENT, check);
    return () => document.removeEventListener(QUOTABLE_EVENT, check);
  }, [wanted]);
  return wanted ? <FloatingQuoteButton /> : null;
}
