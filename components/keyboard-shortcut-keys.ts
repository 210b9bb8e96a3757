/**
 * What the keyboard shortcuts do (components/keyboard-shortcuts.tsx loads this on the first key
 * that is one of them): j/k move between posts (focus and scroll), r replies to the current post,
 * q quotes the selection, / searches.
 */

/** Every post on every page is an `<article id="post-…">` (components/post-article.tsx). */
const POSTS = 'article[id^="post-"]';

function visiblePosts(): HTMLElement[] {
  // A post inside a closed thread (<details>) or a hidden panel has no box: j/k pass it by.
  return [...document.querySelectorAll<HTMLElement>(POSTS)].filter((post) => post.getClientRects().length > 0);
}

/** The post the reader is on: the one holding the focus (j/k put it there), else none. */
function currentPost(): HTMLElement | null {
  return document.activeElement?.closest<HTMLElement>(POSTS) ?? null;
}

function move(step: 1 | -1) {
  const posts = visiblePosts();
  if (posts.length === 0) return;
  const current = currentPost();
  let index = current ? posts.indexOf(current) : -1;
  if (index === -1) {
    // Nothing chosen yet: start from what is on screen, the first post whose top is in view or below.
    const below = posts.findIndex((post) => post.getBoundingClientRect().top >= 0);
    index = step === 1 ? (below === -1 ? posts.length - 1 : below) : below <= 0 ? 0 : below - 1;
  } else {
    index = Math.min(posts.length - 1, Math.max(0, index + step));
  }
  const target = posts[index];
  if (!target) return;
  if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
  target.focus({ preventScroll: true });
  const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  target.scrollIntoView({ block: "start", behavior: smooth ? "smooth" : "auto" });
}

/** Clicks the control marked `data-shortcut="…"` that belongs to this post (not to a reply inside it). */
function clickIn(post: HTMLElement | null, shortcut: string): boolean {
  const scope = post ?? document;
  const control = [...scope.querySelectorAll<HTMLElement>(`[data-shortcut="${shortcut}"]`)].find(
    (element) => element.closest(POSTS) === post && element.getClientRects().length > 0,
  );
  control?.click();
  return !!control;
}

function clickAny(shortcut: string): boolean {
  const control = [...document.querySelectorAll<HTMLElement>(`[data-shortcut="${shortcut}"]`)].find(
    (element) => element.getClientRects().length > 0,
  );
  control?.click();
  return !!control;
}

function focusSearch(): boolean {
  const input = document.getElementById("site-search");
  if (!(input instanceof HTMLInputElement)) return false;
  if (input.getClientRects().length > 0) {
    input.focus();
    input.select();
    return true;
  }
  // On a phone the field sits behind the header's search button, which focuses it as it opens.
  const form = input.closest("form");
  const opener = form?.id ? document.querySelector<HTMLElement>(`[aria-controls="${form.id}"]`) : null;
  opener?.click();
  return !!opener;
}

/** Does what `key` (j, k, r, q or /) stands for. */
export function runShortcut(key: string): void {
  switch (key) {
    case "j":
      return move(1);
    case "k":
      return move(-1);
    case "r":
      clickIn(currentPost(), "reply");
      return;
    case "q":
      // The Quote button a selection in a post shows, wherever it sits.
      clickAny("quote");
      return;
    case "/":
      focusSearch();
      return;
  }
}

// The list of shortcuts comes in the same download: one script for whatever is pressed first.
export { ShortcutsDialog } from "./keyboard-shortcuts-dialog";
