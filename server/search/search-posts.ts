import "server-only";
import type { SearchPage, SearchResult } from "@/lib/views";
import type { DbTx } from "../db";
import { searchPostMatches, type SearchFilters } from "../db-sql";
import { authorSelect, toAuthorView } from "../posts/post-view";
import { decodeSearchCursor, encodeSearchCursor } from "./cursor";
import { highlightHtml } from "./highlight";
import { ftsQuery, parseQuery, trimQuery, websearchQuery } from "./query";

export const SEARCH_PAGE_SIZE = 20;

/**
 * What /search asks for, as plain strings (the cache key of the read): the query, a debate and a
 * subheading by slug, an author by id (the page resolves the handle: see find-author.ts), a date
 * range as YYYY-MM-DD (UTC days, both inclusive) and the cursor of the page.
 */
export type SearchInput = {
  q: string;
  debate: string | null;
  subheading: string | null;
  authorId: string | null;
  from: string | null;
  to: string | null;
  after: string | null;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** The start of a UTC day written YYYY-MM-DD, or null for anything else. */
export function parseDay(raw: string | null | undefined): Date | null {
  if (!raw || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return null;
  const date = new Date(`${raw}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== raw ? null : date;
}

/**
 * The debate and subheading the filters name. A debate that does not exist (or is archived) is
 * `missing`: no results, rather than results from everywhere. A subheading is looked for only in
 * that debate, and one it does not have is ignored (the form's debate was changed and its
 * subheading left over): the whole debate is searched.
 */
async function resolveScope(tx: DbTx, input: SearchInput): Promise<SearchPage["scope"]> {
  if (!input.debate) return { debate: null, subheading: null, missing: false };
  const debate = await tx.debate.findFirst({
    where: { slug: input.debate, archivedAt: null },
    select: {
      id: true,
      slug: true,
      title: true,
      subheadings: {
        where: { archivedAt: null },
        orderBy: { position: "asc" },
        select: { id: true, slug: true, title: true },
      },
    },
  });
  if (!debate) return { debate: null, subheading: null, missing: true };
  const subheading = input.subheading ? (debate.subheadings.find((s) => s.slug === input.subheading) ?? null) : null;
  return {
    debate: { ...debate, subheadings: debate.subheadings.map(({ slug, title }) => ({ slug, title })) },
    subheading,
    missing: false,
  };
}

/**
 * Posts matching a query, best first, SEARCH_PAGE_SIZE a page (keyset over score and id). Never
 * hidden or deleted posts, nor posts in an archived subheading or debate; whatever was typed, the
 * answer is a page (query.ts quotes every term).
 */
export async function searchPosts(tx: DbTx, input: SearchInput): Promise<SearchPage> {
  const scope = await resolveScope(tx, input);
  const terms = parseQuery(input.q);
  const query = terms.length > 0 ? trimQuery(input.q) : "";
  if (terms.length === 0 || scope.missing) return { query, scope, results: [], nextCursor: null };

  const to = parseDay(input.to);
  const filters: SearchFilters = {
    debateId: scope.debate?.id ?? null,
    subheadingId: scope.subheading?.id ?? null,
    authorId: input.authorId,
    from: parseDay(input.from),
    to: to && new Date(to.getTime() + DAY_MS),
  };
  const matches = await searchPostMatches(tx, {
    fts: ftsQuery(terms),
    websearch: websearchQuery(terms),
    filters,
    after: decodeSearchCursor(input.after),
    take: SEARCH_PAGE_SIZE + 1,
  });
  const page = matches.slice(0, SEARCH_PAGE_SIZE);
  const rows = await tx.post.findMany({
    where: { id: { in: page.map((m) => m.id) } },
    select: {
      id: true,
      parentId: true,
      attributionNote: true,
      createdAt: true,
      dateKnown: true,
      debate: { select: { id: true, slug: true, title: true } },
      subheading: { select: { id: true, slug: true, title: true } },
      author: { select: authorSelect },
    },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const results = page.flatMap((match): SearchResult[] => {
    const row = byId.get(match.id);
    if (!row) return [];
    return [
      {
        id: row.id,
        debate: row.debate,
        subheading: row.subheading,
        author: toAuthorView(row.author),
        attributionNote: row.attributionNote,
        createdAt: row.createdAt,
        dateKnown: row.dateKnown,
        isReply: row.parentId !== null,
        titleHtml: match.title ? highlightHtml(match.title) : null,
        snippetHtml: highlightHtml(match.snippet ?? ""),
      },
    ];
  });
  const last = page.at(-1);
  const nextCursor =
    matches.length > SEARCH_PAGE_SIZE && last ? encodeSearchCursor({ score: Number(last.score), id: last.id }) : null;
  return { query, scope, results, nextCursor };
}
