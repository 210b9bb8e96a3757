// A synthesis links to posts by their permalinks (/debates/<slug>/posts/<id>). A permalink alone
// on its line (a paragraph holding nothing but that link) is shown as a quote card: the post's
// author and first line, linking to it. Pure: it splits the stored (sanitized) HTML around those
// paragraphs; the server loads the posts named, and a card is drawn only for a post it found.
import { MAX_QUOTE_CARDS } from "./synthesis";
import type { AuthorView } from "./views";

export type SynthesisPiece = { kind: "html"; html: string } | { kind: "card"; postId: string; html: string };

// The pipeline's output for a line holding only a link: <p><a href="…">…</a></p>. Relative or
// absolute (pasted from the address bar); the post id is what matters.
const CARD_PARAGRAPH =
  /<p><a href="(?:https?:\/\/[^/"\s]+)?\/debates\/[^/"?#\s]+\/posts\/([A-Za-z0-9_-]{1,64})(?:[/?#][^"]*)?"[^>]*>(?:(?!<\/a>)[\s\S]){0,2000}<\/a><\/p>/g;

/** The HTML in pieces: runs of text, and the paragraphs to draw as cards (at most MAX_QUOTE_CARDS). */
export function splitForCards(html: string): SynthesisPiece[] {
  const pieces: SynthesisPiece[] = [];
  let at = 0;
  let cards = 0;
  for (const match of html.matchAll(CARD_PARAGRAPH)) {
    if (cards >= MAX_QUOTE_CARDS) break;
    if (match.index > at) pieces.push({ kind: "html", html: html.slice(at, match.index) });
    pieces.push({ kind: "card", postId: match[1]!, html: match[0] });
    at = match.index + match[0].length;
    cards++;
  }
  if (at < html.length) pieces.push({ kind: "html", html: html.slice(at) });
  return pieces;
}

/** The posts the cards name, once each. */
export const cardPostIds = (pieces: SynthesisPiece[]) => [
  ...new Set(pieces.flatMap((p) => (p.kind === "card" ? [p.postId] : []))),
];

/** A post as its card shows it. */
export type QuoteCard = {
  postId: string;
  debateSlug: string;
  /** The post's thread (its tag: an edit, a hide or a move of the post changes the card). */
  rootId: string;
  author: AuthorView;
  /** Null when the post is hidden or deleted: the card says so and shows nothing of it. */
  firstLine: string | null;
};
