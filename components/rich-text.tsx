/**
 * HTML that came out of lib/markdown.ts (sanitized when it was stored). Never pass anything else.
 */
export function RichText({ html, className = "" }: { html: string; className?: string }) {
  return (
    <div
      className={`prose prose-stone max-w-none break-words font-serif dark:prose-invert prose-a:text-amber-800 prose-a:break-words dark:prose-a:text-amber-300 ${className}`}
      data-post-body
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
