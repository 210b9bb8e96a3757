import type { Metadata } from "next";
import { Suspense } from "react";
import { readDebateList, readSearch } from "@/server/cache/reads";
import { findAuthorByHandle } from "@/server/search/find-author";
import { QUERY_MAX, trimQuery } from "@/server/search/query";
import { parseDay, type SearchInput } from "@/server/search/search-posts";
import { SearchForm, type SearchFormValues } from "./_components/search-form";
import { SearchResults } from "./_components/search-results";

export const metadata: Metadata = { title: "Search", robots: { index: false, follow: true } };

/** One value of a query-string parameter (the first, when sent several times), bounded in length. */
function param(value: string | string[] | undefined, max: number): string {
  const first = Array.isArray(value) ? value[0] : value;
  return (first ?? "").trim().slice(0, max);
}

// The search params make the page per request; the search itself is a cached read (readSearch,
// tagged by what it shows), so the same query is run once until a write could change its answer.
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Search</h1>
      <Suspense fallback={<p role="status">Searching…</p>}>
        <Search searchParams={searchParams} />
      </Suspense>
    </>
  );
}

async function Search({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  // A longer query is cut here (the cache key stays small); query.ts cuts it the same way again.
  const values: SearchFormValues = {
    q: trimQuery(param(params.q, QUERY_MAX * 4)),
    debate: param(params.debate, 120),
    subheading: param(params.subheading, 120),
    author: param(params.author, 64),
    from: parseDay(param(params.from, 10)) ? param(params.from, 10) : "",
    to: parseDay(param(params.to, 10)) ? param(params.to, 10) : "",
  };
  const after = param(params.after, 200) || null;
  const [author, debates] = await Promise.all([
    values.author ? findAuthorByHandle(values.author) : null,
    readDebateList(),
  ]);
  const input: SearchInput = {
    q: values.q,
    debate: values.debate || null,
    subheading: values.subheading || null,
    authorId: author?.id ?? null,
    from: values.from || null,
    to: values.to || null,
    after,
  };
  const unknownAuthor = !!values.author && !author;
  // An author nobody has: nothing to search, but the form still shows the debate's subheadings.
  const page = await readSearch(unknownAuthor ? { ...input, q: "", after: null } : input);

  return (
    <>
      <SearchForm values={values} debates={debates.map((d) => ({ slug: d.slug, title: d.title }))} scope={page.scope} />
      <SearchResults values={values} after={after} page={page} author={author} unknownAuthor={unknownAuthor} />
    </>
  );
}
