// Parses an Atom document with fast-xml-parser and checks it against RFC 4287's rules (the ones a
// feed of posts can break); throws one error listing every violation. Tests then compare the
// parsed entries with the posts they stand for.
import { XMLParser, XMLValidator } from "fast-xml-parser";

export const ATOM_NS = "http://www.w3.org/2005/Atom";
/** RFC 3339 date-time (section 3.3 of RFC 4287). */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

export type AtomLink = { rel: string; href: string; type: string | null };
export type AtomEntry = {
  id: string;
  title: string;
  titleType: string;
  updated: string;
  published: string | null;
  /** The content as a reader gets it: for type="html", the HTML after XML unescaping. */
  content: string;
  contentType: string;
  authors: { name: string; uri: string | null }[];
  links: AtomLink[];
};
export type AtomFeed = {
  id: string;
  title: string;
  updated: string;
  authors: { name: string; uri: string | null }[];
  links: AtomLink[];
  entries: AtomEntry[];
};

type Node = Record<string, unknown>;
const REPEATABLE = ["entry", "link", "author", "id", "title", "updated", "published", "content", "name", "uri"];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => REPEATABLE.includes(name),
});

/** An element's text; null when it holds child elements (e.g. unescaped markup in content). */
function textOf(node: unknown): string | null {
  if (typeof node === "string") return node;
  if (node && typeof node === "object") {
    const children = Object.keys(node).filter((k) => !k.startsWith("@_") && k !== "#text");
    if (children.length > 0) return null;
    const text = (node as Node)["#text"];
    return typeof text === "string" ? text : "";
  }
  return null;
}
const attr = (node: unknown, name: string): string | null =>
  node && typeof node === "object" && typeof (node as Node)[`@_${name}`] === "string"
    ? ((node as Node)[`@_${name}`] as string)
    : null;
const list = (node: Node, name: string): unknown[] => (Array.isArray(node[name]) ? (node[name] as unknown[]) : []);

function isAbsoluteIri(value: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

export function parseAtom(xml: string, { maxEntries = 50 }: { maxEntries?: number } = {}): AtomFeed {
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) throw new Error(`Not well-formed XML: ${JSON.stringify(wellFormed.err)}`);
  const problems: string[] = [];
  const fail = (message: string) => problems.push(message);
  const doc = parser.parse(xml) as Node;
  const roots = Object.keys(doc).filter((k) => k !== "?xml");
  if (roots.length !== 1 || roots[0] !== "feed") throw new Error(`The root element is not atom:feed: ${roots.join()}`);
  const feed = doc.feed as Node;
  if (attr(feed, "xmlns") !== ATOM_NS) fail(`atom:feed is not in the Atom namespace (${attr(feed, "xmlns")})`);

  function one(node: Node, name: string, where: string): string {
    const found = list(node, name);
    if (found.length !== 1) fail(`${where} has ${found.length} atom:${name}, not exactly one`);
    const text = textOf(found[0]);
    if (text === null) fail(`${where}'s atom:${name} holds elements, not text`);
    return text ?? "";
  }
  function date(value: string, where: string) {
    if (!RFC3339.test(value) || Number.isNaN(Date.parse(value))) fail(`${where} is not an RFC 3339 date: ${value}`);
  }
  function textConstruct(node: Node, name: string, where: string): string {
    const element = list(node, name)[0];
    const type = attr(element, "type") ?? "text";
    if (!["text", "html", "xhtml"].includes(type)) fail(`${where}'s atom:${name} has type ${type}`);
    return type;
  }
  function links(node: Node, where: string): AtomLink[] {
    const found = list(node, "link").map((l) => ({
      rel: attr(l, "rel") ?? "alternate",
      href: attr(l, "href") ?? "",
      type: attr(l, "type"),
    }));
    for (const l of found) if (!l.href) fail(`${where} has an atom:link without href`);
    const alternates = found.filter((l) => l.rel === "alternate").map((l) => l.type ?? "");
    if (new Set(alternates).size !== alternates.length) fail(`${where} has two alternate links of one type`);
    return found;
  }
  function authors(node: Node, where: string) {
    return list(node, "author").map((a) => {
      const names = list(a as Node, "name");
      if (names.length !== 1) fail(`${where}'s atom:author has ${names.length} atom:name`);
      const uri = list(a as Node, "uri")[0];
      return { name: textOf(names[0]) ?? "", uri: uri === undefined ? null : textOf(uri) };
    });
  }

  const id = one(feed, "id", "atom:feed");
  if (!isAbsoluteIri(id)) fail(`the feed's id is not an absolute IRI: ${id}`);
  const title = one(feed, "title", "atom:feed");
  textConstruct(feed, "title", "atom:feed");
  const updated = one(feed, "updated", "atom:feed");
  date(updated, "the feed's updated");
  const feedLinks = links(feed, "atom:feed");
  if (!feedLinks.some((l) => l.rel === "self")) fail("atom:feed has no self link");
  const feedAuthors = authors(feed, "atom:feed");

  const seen = new Set<string>();
  const entries = list(feed, "entry").map((raw, index): AtomEntry => {
    const entry = raw as Node;
    const where = `entry ${index + 1}`;
    const entryId = one(entry, "id", where);
    if (!isAbsoluteIri(entryId)) fail(`${where}'s id is not an absolute IRI: ${entryId}`);
    if (seen.has(entryId)) fail(`${where}'s id is not unique: ${entryId}`);
    seen.add(entryId);
    const entryUpdated = one(entry, "updated", where);
    date(entryUpdated, `${where}'s updated`);
    const published = list(entry, "published");
    if (published.length > 1) fail(`${where} has ${published.length} atom:published`);
    const publishedText = published.length === 1 ? (textOf(published[0]) ?? "") : null;
    if (publishedText !== null) date(publishedText, `${where}'s published`);
    const entryAuthors = authors(entry, where);
    if (entryAuthors.length === 0 && feedAuthors.length === 0) fail(`${where} has no author, nor has the feed`);
    const content = one(entry, "content", where);
    return {
      id: entryId,
      title: one(entry, "title", where),
      titleType: textConstruct(entry, "title", where),
      updated: entryUpdated,
      published: publishedText,
      content,
      contentType: textConstruct(entry, "content", where),
      authors: entryAuthors,
      links: links(entry, where),
    };
  });
  if (entries.length > maxEntries) fail(`${entries.length} entries, more than ${maxEntries}`);
  const stamps = entries.map((e) => Date.parse(e.published ?? e.updated));
  if (stamps.some((t, i) => i > 0 && t > stamps[i - 1]!)) fail("the entries are not newest first");
  if (problems.length > 0) throw new Error(`Invalid Atom:\n- ${problems.join("\n- ")}`);
  return { id, title, updated, authors: feedAuthors, links: feedLinks, entries };
}
