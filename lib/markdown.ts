import { markdownToHtml, RENDER_VERSION } from "./markdown-pipeline.mjs";

// The pipeline (remark → rehype → sanitize → HTML) lives in plain JavaScript so that the render
// worker, loaded outside the bundle, runs the very same code (server/markdown/).
export { RENDER_VERSION };

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

/** What a writer is told when the parser overflowed its stack on a shape markdownRefusal did not foresee. */
export const TOO_NESTED = "This text is too deeply nested to show.";

/**
 * Markdown → HTML that is safe to inject into the page, in this thread and with no time limit: for
 * archives and re-renders. What members write goes through server/markdown/render-markdown.ts,
 * which runs this same pipeline in a worker with a time budget.
 */
export function renderMarkdown(markdown: string): string {
  const refusal = markdownRefusal(markdown);
  if (refusal) throw new MarkdownRefused(refusal);
  try {
    return markdownToHtml(markdown);
  } catch (error) {
    // A shape the check above did not foresee must cost one refusal, never the process.
    if (error instanceof RangeError) throw new MarkdownRefused(TOO_NESTED);
    throw error;
  }
}
