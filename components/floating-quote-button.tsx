"use client";

import { useEffect, useRef, useState } from "react";
import { QUOTABLE_ATTR, QUOTABLE_EVENT, QUOTE_EVENT, type QuoteDetail } from "./floating-quote";

type Offer = { article: HTMLElement; text: string; top: number; left: number };

const BUTTON_WIDTH = 84;
const BUTTON_HEIGHT = 36;
const MARGIN = 8;

/** The post whose body holds the whole selection, when the viewer may quote it; else null. */
function quotableSelection(): { article: HTMLElement; text: string; rect: DOMRect } | null {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const text = selection.toString();
  if (!text.trim()) return null;
  const elementOf = (node: Node | null) => (node instanceof Element ? node : (node?.parentElement ?? null));
  const body = elementOf(selection.anchorNode)?.closest("[data-post-body]");
  if (!body || body !== elementOf(selection.focusNode)?.closest("[data-post-body]")) return null;
  const article = body.closest("article");
  if (!article?.hasAttribute(QUOTABLE_ATTR)) return null;
  return { article, text, rect: selection.getRangeAt(0).getBoundingClientRect() };
}

/**
 * One "Quote" button for the whole page, floating next to text selected inside a post's body (one
 * selection listener, not one per post). It sits below the selection, where a phone's own
 * selection menu (above it) does not cover it, flipped above when there is no room, and always
 * inside the viewport; placed again when the page scrolls, resizes or grows. Choosing it (or the `q` shortcut, which clicks it) asks that post's
 * PostActions, through an event on its <article>, to open the reply with the quote. Loaded by
 * FloatingQuote once a post on the page may be quoted.
 */
export function FloatingQuoteButton() {
  const [offer, setOffer] = useState<Offer | null>(null);
  const frame = useRef(0);

  useEffect(() => {
    const place = () => {
      cancelAnimationFrame(frame.current);
      frame.current = requestAnimationFrame(() => {
        const found = quotableSelection();
        if (!found) return setOffer(null);
        const { rect } = found;
        const viewportWidth = document.documentElement.clientWidth;
        const viewportHeight = window.innerHeight;
        let top = rect.bottom + MARGIN;
        if (top + BUTTON_HEIGHT > viewportHeight - MARGIN) top = rect.top - BUTTON_HEIGHT - MARGIN;
        top = Math.min(Math.max(top, MARGIN), viewportHeight - BUTTON_HEIGHT - MARGIN);
        const left = Math.min(
          Math.max(rect.left + rect.width / 2 - BUTTON_WIDTH / 2, MARGIN),
          viewportWidth - BUTTON_WIDTH - MARGIN,
        );
        setOffer({ article: found.article, text: found.text, top, left });
      });
    };
    place(); // text may be selected already, before this was loaded
    document.addEventListener("selectionchange", place);
    document.addEventListener(QUOTABLE_EVENT, place);
    window.addEventListener("scroll", place, { passive: true });
    window.addEventListener("resize", place);
    // Content appearing above the selection (a member's controls arriving) moves it without a scroll.
    const resized = new ResizeObserver(place);
    resized.observe(document.body);
    return () => {
      cancelAnimationFrame(frame.current);
      resized.disconnect();
      document.removeEventListener("selectionchange", place);
      document.removeEventListener(QUOTABLE_EVENT, place);
      window.removeEventListener("scroll", place);
      window.removeEventListener("resize", place);
    };
  }, []);

  if (!offer) return null;
  return (
    <button
      type="button"
      data-shortcut="quote"
      aria-keyshortcuts="q"
      style={{ position: "fixed", top: offer.top, left: offer.left, width: BUTTON_WIDTH, height: BUTTON_HEIGHT }}
      className="z-40 inline-flex items-center justify-center gap-1 rounded-md bg-stone-900 text-sm font-medium text-white shadow-lg ring-1 ring-black/10 hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-600 dark:bg-amber-300 dark:text-stone-950 dark:hover:bg-amber-200"
      // Pressed without taking the selection away.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => {
        offer.article.dispatchEvent(new CustomEvent<QuoteDetail>(QUOTE_EVENT, { detail: { text: offer.text } }));
        document.getSelection()?.removeAllRanges();
        setOffer(null);
      }}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
        <path d="M4 5h5v5H6.5c0 1.7.8 2.6 2.5 3v2c-3.2-.4-5-2.5-5-6V5Zm7 0h5v5h-2.5c0 1.7.8 2.6 2.5 3v2c-3.2-.4-5-2.5-5-6V5Z" />
      </svg>
      Quote
    </button>
  );
}
