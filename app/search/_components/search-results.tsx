import Link from "@/components/link";
import { AuthorName } from "@/components/author-name";
import { PostDate } from "@/components/post-date";
import { postPath, searchPath } from "@/lib/paths";
import type { SearchPage, SearchResult } from "@/lib/views";
import { Marked } from "./marked";
import type { SearchFormValues } from "./search-form";

const note = "mt-6 rounded-md bg-stone-100 px-4 py-3 text-stone-700 dark:bg-stone-900 dark:text-stone-300";
const link = "font-medium text-amber-800 underline underline-offset-2 hover:no-underline dark:text-amber-300";

export function SearchResults({
  values,
  after,
  page,
  author,
  unknownAuthor,
}: {
  values: SearchFormValues;
  after: string | null;
  page: SearchPage;
  author: { handle: string; name: string } | null;
  unknownAuthor: boolean;
}) {
  const everywhere = searchPath({ q: values.q, author: values.author, from: values.from, to: values.to });
  if (unknownAuthor) {
    return (
      <p className={note} role="status">
        Nobody has the handle @{values.author.replace(/^@/, "")}. Check the spelling, or{" "}
        <Link href={searchPath({ ...values, author: null })} className={link}>
          search without the author
        </Link>
        .
      </p>
    );
  }
  if (page.scope.missing) {
    return (
      <p className={note} role="status">
        There is no debate “{values.debate}” to search (it may have been archived).{" "}
        <Link href={everywhere} className={link}>
          Search all debates
        </Link>
        .
      </p>
    );
  }
  if (!page.query) {
    return (
      <p className={note} role="status">
        {values.q
          ? `There is nothing to search for in “${values.q}”: type a word or two, or "a phrase in quotes".`
          : "Type a word or two above to search every post, or narrow the search to a debate, a subheading, an author or some dates."}
      </p>
    );
  }

  const where = page.scope.subheading
    ? ` in “${page.scope.subheading.title}”`
    : page.scope.debate
      ? ` in “${page.scope.debate.title}”`
      : "";
  const by = author ? ` by ${author.name}` : "";
  if (page.results.length === 0) {
    return (
      <div className={note} role="status">
        <p>
          {after ? "No more posts match" : "No posts match"} “{page.query}”{where}
          {by}.
        </p>
        {!after && (
          <p className="mt-1 text-sm">
            Try fewer or other words, check the spelling
            {(page.scope.debate || values.author || values.from || values.to) && (
              <>
                , or{" "}
                <Link href={searchPath({ q: page.query })} className={link}>
                  search all debates without filters
                </Link>
              </>
            )}
            .
          </p>
        )}
      </div>
    );
  }

  return (
    <section aria-labelledby="search-results-h" className="mt-8">
      <h2 id="search-results-h" className="text-lg font-semibold">
        {after ? "More posts" : "Posts"} matching “{page.query}”{where}
        {by}
      </h2>
      <ol className="mt-3 divide-y divide-stone-200 dark:divide-stone-800">
        {page.results.map((result) => (
          <li key={result.id} className="py-4">
            <ResultItem result={result} />
          </li>
        ))}
      </ol>
      <nav aria-label="Search result pages" className="mt-4 flex flex-wrap gap-4 text-sm">
        {after && (
          <Link href={searchPath({ ...values })} className={link}>
            First page
          </Link>
        )}
        {page.nextCursor && (
          <Link href={searchPath({ ...values, after: page.nextCursor })} className={link} rel="next">
            Next page
          </Link>
        )}
      </nav>
    </section>
  );
}

function ResultItem({ result }: { result: SearchResult }) {
  const kind = result.isReply ? "Reply" : "Contribution";
  return (
    <article
      aria-labelledby={`result-${result.id}`}
      className="[&_mark]:rounded-sm [&_mark]:bg-amber-200 [&_mark]:px-0.5 [&_mark]:text-inherit dark:[&_mark]:bg-amber-700/60"
    >
      <h3 id={`result-${result.id}`} className="font-semibold leading-snug">
        <Link href={postPath(result.debate.slug, result.id)} className="hover:underline">
          {result.titleHtml ? (
            <Marked html={result.titleHtml} />
          ) : (
            `${kind} by ${result.author?.name ?? "an unknown author"}`
          )}
        </Link>
      </h3>
      <p className="mt-0.5 flex flex-wrap items-baseline gap-x-2 text-sm text-stone-600 dark:text-stone-400">
        <span>
          {result.debate.title} <span aria-hidden="true">›</span>
          <span className="sr-only">, </span> {result.subheading.title}
        </span>
        <span aria-hidden="true">·</span>
        <AuthorName author={result.author} />
        <span aria-hidden="true">·</span>
        <PostDate date={result.createdAt} known={result.dateKnown} />
      </p>
      <p className="mt-1.5 break-words text-stone-800 dark:text-stone-200">
        <Marked html={result.snippetHtml} />
      </p>
    </article>
  );
}
