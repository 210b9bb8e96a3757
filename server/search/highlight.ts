import "server-only";

// Both engines mark the matches in a snippet with two control characters (never markup), so the
// text can be escaped whole before the marks become <mark> elements: nothing a post contains is
// ever injected as HTML.

export const MARK_START = "\u0002";
export const MARK_END = "\u0003";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * The Markdown a snippet was cut from, read as text: link targets, emphasis runs, heading and
 * quote markers and other control characters go; the marks stay.
 */
function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)\s]*(?:\s+"[^"]*")?\)/g, "$1")
    .replace(/^[ \t]*(?:#{1,6}[ \t]+|(?:>[ \t]?)+|[-*+][ \t]+)/gm, "")
    .replace(/(\*{1,3}|_{2,3}|~~|`+)/g, "")
    .replace(/[\u0000\u0001\u0004-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Safe HTML for a snippet marked with MARK_START/MARK_END: the text escaped, each marked run in a
 * <mark>. Marks that do not pair up (a post may itself contain the characters) are closed or
 * dropped, so the result is always well formed.
 */
export function highlightHtml(marked: string): string {
  let html = "";
  let open = false;
  for (const part of plainText(marked).split(/([\u0002\u0003])/)) {
    if (part === MARK_START) {
      if (!open) html += "<mark>";
      open = true;
    } else if (part === MARK_END) {
      if (open) html += "</mark>";
      open = false;
    } else {
      html += escapeHtml(part);
    }
  }
  return (open ? html + "</mark>" : html).replace(/<mark><\/mark>/g, "");
}
