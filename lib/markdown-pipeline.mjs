// @ts-check
// The Markdown pipeline itself, in plain JavaScript: lib/markdown.ts imports it into the bundle, and
// the render worker (server/markdown/render-worker.mjs), which Node loads outside the bundle,
// imports this same file from disk. One pipeline, two ways in.

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

/**
 * Markdown → sanitized HTML, with no checks of its own: callers refuse hostile shapes first
 * (markdownRefusal) and turn a RangeError into a refusal.
 * @param {string} markdown
 * @returns {string}
 */
export function markdownToHtml(markdown) {
  return String(processor.processSync(markdown));
}
