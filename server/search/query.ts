import "server-only";

// What a member types, made safe for both engines. Each term is quoted, so nothing typed is ever
// read as an operator (FTS5 throws on a stray `"`, `NEAR(`, `*`, `AND`; websearch_to_tsquery
// never throws but reads `or` and `-` its own way): words and "quoted phrases" must all match, and a
// term written -like-this must not. Bounded: at most QUERY_MAX characters and TERMS_MAX terms.

export const QUERY_MAX = 200;
export const TERMS_MAX = 8;

export type SearchTerm = { text: string; exclude: boolean };

/** Something an index can find: at least one letter or digit. */
const FINDABLE = /[\p{L}\p{N}]/u;

/** The query cut to QUERY_MAX characters (never inside a surrogate pair) with white space collapsed. */
export function trimQuery(raw: string): string {
  const chars = Array.from(raw.replace(/\s+/gu, " ").trim());
  return chars.slice(0, QUERY_MAX).join("").trim();
}

/**
 * The terms of a query: runs of characters between white space, or between double quotes (a
 * phrase; an unclosed quote runs to the end). A leading `-` excludes the term. Terms with nothing
 * findable in them (`*`, `(`, an emoji) are dropped, and so is every exclusion when nothing is
 * left to include (a query of only exclusions would list the whole site).
 */
export function parseQuery(raw: string): SearchTerm[] {
  const text = trimQuery(raw);
  const terms: SearchTerm[] = [];
  let i = 0;
  while (i < text.length && terms.length < TERMS_MAX) {
    if (text[i] === " ") {
      i++;
      continue;
    }
    let exclude = false;
    if (text[i] === "-" && i + 1 < text.length && text[i + 1] !== " ") {
      exclude = true;
      i++;
    }
    let term: string;
    if (text[i] === '"') {
      const end = text.indexOf('"', i + 1);
      term = text.slice(i + 1, end === -1 ? text.length : end);
      i = end === -1 ? text.length : end + 1;
    } else {
      let end = i;
      while (end < text.length && text[end] !== " " && text[end] !== '"') end++;
      term = text.slice(i, end);
      i = end;
    }
    term = term.trim();
    if (FINDABLE.test(term)) terms.push({ text: term, exclude });
  }
  return terms.some((t) => !t.exclude) ? terms : [];
}

const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;

/** An FTS5 MATCH expression: every term a quoted string (FTS5 reads none of it as syntax). */
export function ftsQuery(terms: SearchTerm[]): string {
  const include = terms.filter((t) => !t.exclude).map((t) => quote(t.text));
  const exclude = terms.filter((t) => t.exclude).map((t) => ` NOT ${quote(t.text)}`);
  return `(${include.join(" AND ")})${exclude.join("")}`;
}

/** Input for PostgreSQL's websearch_to_tsquery: each term in quotes (no `or`), exclusions as `-"…"`. */
export function websearchQuery(terms: SearchTerm[]): string {
  // A `"` cannot occur inside a term (it ends one), so the quotes always pair up.
  return terms.map((t) => `${t.exclude ? "-" : ""}"${t.text}"`).join(" ");
}
