import rehypeExternalLinks from "rehype-external-links";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

/**
 * Bump when the pipeline's output changes: stored HTML with an older version is re-rendered
 * by `npm run db:seed` (see server/posts/rerender-stale.ts).
 */
export const RENDER_VERSION = 1;

// GitHub's schema (rehype-sanitize's default) minus anything that could run script or pull in
// remote content: raw HTML never reaches it (remark-rehype drops it), and `javascript:` or
// `data:` URLs, event handlers and style attributes are stripped here.
const schema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => tag !== "img"),
};

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  // After sanitizing: a link to another site must not pass on our reputation or get a handle on
  // our window. Relative links (quotes, permalinks) point at this site and are left as they are.
  .use(rehypeExternalLinks, { rel: ["nofollow", "ugc", "noopener"] })
  .use(rehypeStringify)
  .freeze();

/** How deep lists and quotes may nest: far beyond what people write, far below what stalls the parser. */
export const MAX_NESTING = 32;
/** The longest run of one emphasis character (`*`, `_`, `~`) a post may hold. */
export const MAX_DELIMITER_RUN = 64;

/** Markdown whose shape would make the parser recurse or backtrack without bound: refused, not rendered. */
export class MarkdownRefused extends Error {
  name = "MarkdownRefused";
}

// A container opening a line: a quote marker, a bullet or a numbered item, each with what follows.
const CONTAINER = /^[ \t]{0,3}(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;

/**
 * Why this Markdown is refused before parsing, in words for its writer, or null. A 20,000-character
 * `- - - …` (a list nested 10,000 deep) or `>>>…` blocked the server for over a minute and then
 * overflowed the stack; such shapes are measured here in one pass over the text instead.
 */
export function markdownRefusal(markdown: string): string | null {
  for (const line of markdown.split("\n")) {
    const indented = line.match(/^[ \t]*/)![0];
    let rest = line.slice(indented.length);
    let markers = 0;
    for (let match = CONTAINER.exec(rest); match && match[0].length > 0; match = CONTAINER.exec(rest)) {
      markers++;
      rest = rest.slice(match[0].length);
      if (markers > MAX_NESTING) break;
    }
    // An item's indentation nests it too (about two columns a level); a plain indented line
    // (code, a continued paragraph) opens nothing.
    const depth = markers + (markers > 0 ? Math.floor(indented.replace(/\t/g, "    ").length / 2) : 0);
    if (depth > MAX_NESTING) return `Lists and quotes can nest at most ${MAX_NESTING} levels deep.`;
  }
  const run = markdown.match(new RegExp(`([*_~])\\1{${MAX_DELIMITER_RUN},}`));
  if (run) return `Please use no more than ${MAX_DELIMITER_RUN} "${run[1]}" in a row.`;
  return null;
}

/** Markdown from a user (or an archive) → HTML that is safe to inject into the page. */
export function renderMarkdown(markdown: string): string {
  const refusal = markdownRefusal(markdown);
  if (refusal) throw new MarkdownRefused(refusal);
  try {
    return String(processor.processSync(markdown));
  } catch (error) {
    // A shape the check above did not foresee must cost one refusal, never the process.
    if (error instanceof RangeError) throw new MarkdownRefused("This text is too deeply nested to show.");
    throw error;
  }
}
