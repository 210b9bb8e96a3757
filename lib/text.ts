/** Plain text of sanitized HTML, shortened at a word boundary: for excerpts and descriptions. */
export function excerptFromHtml(html: string, maxLength = 240): string {
  // Block ends become spaces; inline tags vanish, so "<strong>p2p</strong>'s" stays one word.
  const stripped = html
    .replace(/<\/(?:p|li|h[1-6]|blockquote|div|pre|tr|td|th)>|<br\s*\/?>/gi, " ")
    .replace(/<[^>]*>/g, "");
  const text = decodeEntities(stripped).replace(/\s+/g, " ").trim();
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > maxLength * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:]+$/, "")}…`;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'", nbsp: " " };

function decodeEntities(text: string): string {
  return text.replace(/&(#?\w+);/g, (match, name: string) => {
    if (name in ENTITIES) return ENTITIES[name]!;
    if (/^#\d+$/.test(name)) return String.fromCodePoint(Number(name.slice(1)));
    if (/^#x[0-9a-f]+$/i.test(name)) return String.fromCodePoint(parseInt(name.slice(2), 16));
    return match;
  });
}

export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString("en-GB")} ${count === 1 ? singular : plural}`;
}
