/**
 * Text with its search matches marked: HTML built by server/search/highlight.ts, which escapes
 * the post's text whole and adds only <mark> elements. Nothing else is ever passed here.
 */
export function Marked({ html }: { html: string }) {
  return <span dangerouslySetInnerHTML={{ __html: html }} />;
}
