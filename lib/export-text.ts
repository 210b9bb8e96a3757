// Text helpers of the debate export (server/export/): members' Markdown placed inside another
// document, and plain text made safe for Markdown and Argdown. Pure, for unit tests.

/** The text of a Markdown source, roughly: markup dropped, links kept as their text, one line. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/^ {0,3}(`{3,}|~{3,}).*$/gm, " ")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\(([^)\s]*)[^)]*\)/g, (_, text: string, url: string) => (text ? `${text} (${url})` : url))
    .replace(/^ {0,3}(#{1,6}|>+|[-+*]|\d+[.)])[ \t]+/gm, "")
    .replace(/\*\*|__|~~|`/g, "")
    .replace(/(^|\s)[*_]+(?=\S)|(\S)[*_]+(?=\s|$|[.,;:!?)])/g, "$1$2")
    .replace(/\s+/g, " ")
    .trim();
}

/** The first words of a text, cut at a word before `max` characters. */
export function firstWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Plain text as Markdown text: characters with a meaning escaped, and each line's start kept from
 * opening a list, a quote, a heading or a rule. Line breaks are kept (as hard breaks).
 */
export function escapeMarkdown(text: string): string {
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/[\\`*_{}[\]<>#|!~&]/g, "\\$&")
        .replace(/^(\s*)([-+=])/, "$1\\$2")
        .replace(/^(\s*\d+)([.)])/, "$1\\$2"),
    )
    .join("  \n");
}

/** Plain text on one line, escaped for Markdown: a name, a title, a note. */
export const inlineMarkdown = (text: string) => escapeMarkdown(text.replace(/\s+/g, " "));

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * A member's Markdown as it may sit inside a larger document: a code fence left open (which would
 * swallow everything after it) is closed, and trailing blank lines dropped.
 */
export function containedMarkdown(markdown: string): string {
  let open: string | null = null;
  for (const line of markdown.split(/\r?\n/)) {
    const fence = FENCE.exec(line)?.[1];
    if (!fence) continue;
    if (open === null) open = fence;
    else if (fence[0] === open[0] && fence.length >= open.length && line.trim() === fence) open = null;
  }
  const body = markdown.replace(/\s+$/, "");
  return open ? `${body}\n${open}` : body;
}

/** Every line prefixed for a blockquote `level` deep (blank lines too, so the quote never breaks). */
export function quoted(markdown: string, level: number): string {
  if (level <= 0) return markdown;
  const prefix = "> ".repeat(level);
  return markdown
    .split("\n")
    .map((line) => (line.trim() === "" ? prefix.trimEnd() : prefix + line))
    .join("\n");
}

/**
 * Plain text as Argdown statement text on one line: Argdown gives meaning to brackets (titles,
 * references, links), @ (mentions), # (tags), * and _ (emphasis), { } (data), // and /* (comments),
 * and .name. or :name: (shortcodes). Each such character is escaped with a backslash.
 */
export function escapeArgdown(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\[\]<>@#*_{}]/g, "\\$&")
    .replace(/\/(?=[/*])/g, "\\/")
    .replace(/([.:])(?=\S+?\1)/g, "\\$1");
}

/** An Argdown title (between [ ] or < >): letters, digits, spaces and a little punctuation only. */
export function argdownTitle(text: string, max = 60): string {
  const clean = text
    .replace(/[^\p{L}\p{N}\s'’?!,]/gu, " ")
    .replace(/\s+/g, " ")
    .replace(/ ([?!,])/g, "$1")
    .replace(/^[\s,'’?!]+/, "")
    .trim();
  return firstWords(clean, max).replace(/…$/, "").trim();
}
