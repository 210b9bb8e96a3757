import { searchPath } from "@/lib/paths";
import { SearchIcon } from "./icons";
import { SearchToggle } from "./search-toggle";

/**
 * The site-wide search in the header: a plain GET form to /search (the same for everyone, part of
 * the cached shell), drawn here on the server; SearchToggle opens it on a phone.
 */
export function SearchBox() {
  return (
    <SearchToggle
      action={searchPath()}
      icon={<SearchIcon className="h-5 w-5" />}
      formClassName="absolute inset-x-0 top-full z-20 border-b border-stone-200 bg-white px-4 py-2 sm:static sm:flex sm:border-0 sm:bg-transparent sm:p-0 dark:border-stone-800 dark:bg-stone-900 sm:dark:bg-transparent"
    >
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
        <SearchIcon className="h-4 w-4" />
        <span className="sr-only">Submit search</span>
      </button>
    </SearchToggle>
  );
}
