import { searchPath } from "@/lib/paths";

/**
 * The site-wide search box in the header: a plain GET form to /search, so it works before (and
 * without) JavaScript and is the same for everyone (part of the cached shell).
 */
export function SearchBox({ className = "" }: { className?: string }) {
  return (
    <form role="search" aria-label="Search the debates" action={searchPath()} method="get" className={className}>
      <div className="flex">
        <label htmlFor="site-search" className="sr-only">
          Search posts
        </label>
        <input
          id="site-search"
          type="search"
          name="q"
          maxLength={200}
          placeholder="Search posts"
          className="min-w-0 flex-1 rounded-l-md border border-stone-300 bg-white px-2.5 py-1.5 text-sm placeholder:text-stone-500 focus:border-amber-600 focus:outline-none focus:ring-2 focus:ring-amber-600/40 dark:border-stone-700 dark:bg-stone-950 dark:placeholder:text-stone-400"
        />
        <button
          type="submit"
          className="rounded-r-md border border-l-0 border-stone-300 bg-stone-100 px-2.5 text-stone-700 hover:bg-stone-200 focus:outline-none focus:ring-2 focus:ring-amber-600/40 dark:border-stone-700 dark:bg-stone-800 dark:text-stone-200 dark:hover:bg-stone-700"
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4">
            <path
              fillRule="evenodd"
              d="M9 3.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11ZM2 9a7 7 0 1 1 12.45 4.39l3.58 3.58a.75.75 0 1 1-1.06 1.06l-3.58-3.58A7 7 0 0 1 2 9Z"
              clipRule="evenodd"
            />
          </svg>
          <span className="sr-only">Submit search</span>
        </button>
      </div>
    </form>
  );
}
