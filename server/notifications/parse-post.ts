// What a new post's Markdown says about whom: the posts it quotes (links to their permalinks) and
// the members it @mentions. Pure, so every shape is unit-tested; the database lookups are the
// caller's (post-recipients.ts).
import { HANDLE_CHARS } from "@/lib/handle";

/** At most this many members are mentioned (notified) per post, and this many posts quoted. */
export const MAX_MENTIONS = 10;
export const MAX_QUOTES = 10;
/** "@" followed by up to this many words is tried against display names. */
export const MAX_NAME_WORDS = 4;
/** Occurrences of "@" looked at per post: a post of a thousand "@"s costs no more than this. */
const MAX_AT_SIGNS = 30;

// A permalink (lib/paths.ts postPath), relative or absolute: /debates/<slug>/posts/<id>.
const PERMALINK = /\/debates\/[^/\s()<>[\]"']+\/posts\/([A-Za-z0-9_-]{1,64})/g;

/** Ids of the posts whose permalinks the body links to, in order, without repeats. */
export function quotedPostIds(body: string): string[] {
  const ids = new Set<string>();
  for (const match of body.matchAll(PERMALINK)) {
    ids.add(match[1]!);
    if (ids.size >= MAX_QUOTES) break;
  }
  return [...ids];
}

/** One "@…" in the text: the handle it may be, and the display names it may be, longest first. */
export type MentionCandidate = { handle: string | null; names: string[] };

/**
 * Text a mention in which would not be the writer's own words: fenced and inline code, and quoted
 * lines (a quote of someone who mentioned you is not a new mention; the quote notifies its author).
 */
function ownWords(body: string): string {
  return (
    body
      // Each pattern can only end a run where the run ends ((?!`), no "[" or "(" inside brackets), so
      // a 20 KB run of backticks or brackets is one linear pass, not a quadratic backtrack.
      .replace(/^ {0,3}(`{3,}(?!`)|~{3,}(?!~))[^\n]*\n[\s\S]*?(?:^ {0,3}\1[^\n]*$|(?![\s\S]))/gm, " ")
      .replace(/`+[^`\n]*`+/g, " ")
      .replace(/^ {0,3}>.*$/gm, " ")
      .replace(/\[([^[\]\n]*)\]\([^()\n]*\)/g, "$1")
  );
}

const TRAILING = /(?:['’]s)?[.,;:!?)\]}"'’”»…]*$/u;
const HANDLE_AT_START = new RegExp(`^[${HANDLE_CHARS}]+`, "i");
// An "@" that starts a mention: not inside a word or an address (ana@example.org).
const AT = /(?<![\p{L}\p{N}_@.+-])@(?=[\p{L}\p{N}_])/gu;

/** Every "@" mention's candidates: the handle after it, and the names of 1 to 4 words it could be. */
export function mentionCandidates(body: string): MentionCandidate[] {
  const text = ownWords(body);
  const found: MentionCandidate[] = [];
  for (const match of text.matchAll(AT)) {
    if (found.length >= MAX_AT_SIGNS) break;
    const rest = text.slice(match.index + 1, match.index + 1 + 200).split("\n")[0]!;
    const words = rest.split(/\s+/).filter(Boolean).slice(0, MAX_NAME_WORDS);
    const names: string[] = [];
    for (let n = words.length; n >= 1; n--) {
      const words_ = words.slice(0, n);
      // A name ends at punctuation: "@Ana Lopez, you" is "Ana Lopez", never "Ana Lopez, you".
      if (words_.slice(0, -1).some((w) => TRAILING.exec(w)![0] !== "")) continue;
      const name = words_.join(" ").replace(TRAILING, "");
      if (name && !names.includes(name)) names.push(name);
    }
    const handle = HANDLE_AT_START.exec(words[0] ?? "")?.[0]
      .toLowerCase()
      .replace(/[-_]+$/, "");
    found.push({ handle: handle || null, names });
  }
  return found;
}
