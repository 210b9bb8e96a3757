import "server-only";
import { debatePath, personPath, postPath, subheadingPath } from "@/lib/paths";
import { siteUrl } from "../http/site-url";
import type { FeedData, FeedEntry } from "./get-feed";

// Atom (RFC 4287) written by hand rather than with the `feed` package: that one marks entry titles
// type="html" (so a title such as "a <b> c" would be read as markup), wraps content in CDATA and
// lets characters through that XML 1.0 forbids. Here every text is escaped, titles are text and
// content is the stored, sanitized HTML, escaped once, as type="html" requires.

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";
const SITE_NAME = "Debate Commons";

/** Characters XML 1.0 does not allow anywhere (C0 controls but tab, CR, LF; lone surrogates; U+FFFE/F). */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text or an attribute value, escaped for XML. */
export function xmlEscape(text: string): string {
  return text
    .replace(NOT_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

const element = (name: string, text: string, attributes = "") => `<${name}${attributes}>${xmlEscape(text)}</${name}>`;
const link = (rel: string, href: string, type: string) =>
  `<link rel="${rel}" type="${type}" href="${xmlEscape(href)}"/>`;
// RFC 3339, in UTC; milliseconds are allowed (time-secfrac) and keep edits a second apart distinct.
const date = (value: Date) => value.toISOString();

/** The post's permalink without its fragment: an entry's id, stable for as long as the post exists. */
export function entryId(debateSlug: string, postId: string): string {
  return siteUrl(postPath(debateSlug, postId).split("#")[0]!);
}

/** When an entry last changed: its edit, else when it was posted (for an undated archive post, the stand-in date). */
export const entryUpdated = (entry: FeedEntry) => entry.editedAt ?? entry.createdAt;

function entryTitle(entry: FeedEntry): string {
  if (entry.title) return entry.title;
  const who = entry.author?.name ?? "an unknown author";
  return `${entry.parentId ? "Reply" : "Contribution"} by ${who} under “${entry.subheadingTitle}”`;
}

function renderEntry(feed: FeedData, entry: FeedEntry): string {
  const author = entry.author;
  const authorUri = author?.handle ? `\n      ${element("uri", siteUrl(personPath(author.handle)))}` : "";
  return [
    "  <entry>",
    `    ${element("id", entryId(feed.debate.slug, entry.id))}`,
    `    ${element("title", entryTitle(entry), ' type="text"')}`,
    `    ${link("alternate", siteUrl(postPath(feed.debate.slug, entry.id)), "text/html")}`,
    // An archived post whose date was not kept has no `published`: its stand-in date only orders.
    ...(entry.dateKnown ? [`    ${element("published", date(entry.createdAt))}`] : []),
    `    ${element("updated", date(entryUpdated(entry)))}`,
    `    <author>\n      ${element("name", author?.name ?? "Unknown author")}${authorUri}\n    </author>`,
    `    ${element("content", entry.bodyHtml, ' type="html"')}`,
    "  </entry>",
  ].join("\n");
}

/** The page a feed is the feed of. */
function alternatePath(feed: FeedData): string {
  if (feed.thread) return postPath(feed.debate.slug, feed.thread.id);
  if (feed.subheading) return subheadingPath(feed.debate.slug, feed.subheading.slug);
  return debatePath(feed.debate.slug);
}

export function feedTitle(feed: FeedData): string {
  if (feed.thread) return `${feed.thread.title} · ${feed.debate.title}`;
  if (feed.subheading) return `${feed.subheading.title} · ${feed.debate.title}`;
  return feed.debate.title;
}

/**
 * The feed as an Atom document. `selfPath` is the feed's own path, which is also its id (as an
 * absolute URL built from the configured origin). Its `updated` is its newest entry's, or, for a
 * feed with no entries yet, when the debate was opened.
 */
export function renderAtom(feed: FeedData, selfPath: string): string {
  const updated =
    feed.entries.map(entryUpdated).reduce<Date | null>((newest, at) => (newest && newest >= at ? newest : at), null) ??
    feed.debate.createdAt;
  const self = siteUrl(selfPath);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  ${element("id", self)}`,
    `  ${element("title", feedTitle(feed), ' type="text"')}`,
    `  ${element("subtitle", `Posts in ${feed.thread ? "this thread" : feed.subheading ? "this part of the debate" : "this debate"}, newest first.`, ' type="text"')}`,
    `  ${element("updated", date(updated))}`,
    `  ${link("self", self, "application/atom+xml")}`,
    `  ${link("alternate", siteUrl(alternatePath(feed)), "text/html")}`,
    // Every entry names its own author; this one stands for the site, and keeps an empty feed valid.
    `  <author>\n    ${element("name", SITE_NAME)}\n  </author>`,
    `  ${element("generator", SITE_NAME)}`,
    ...feed.entries.map((entry) => renderEntry(feed, entry)),
    "</feed>",
    "",
  ].join("\n");
}
