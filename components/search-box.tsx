import { searchPath } from "@/lib/paths";
import { SearchIcon } from "./icons";
import { SearchToggle } from "./search-toggle";

/**
 * The site-wide search in the header: a plain GET form to /search (the same for everyone, part of
 * the cached shell), drawn here on the server; SearchToggle opens it on a phone. Its looks are named
 * in app/globals.css (every page carries this markup twice: HTML and payload).
 */
export function SearchBox() {
  return (
    <SearchToggle action={searchPath()} icon={<SearchIcon className="h-5 w-5" />} formClassName="search-form sm:flex">
      <label htmlFor="site-search" className="sr-only">
        Search posts
      </label>
      <input
        id="site-search"
        type="search"
        name="q"
        maxLength={200}
        placeholder="Search posts"
        className="search-input"
      />
      <button type="submit" className="search-submit">
        <SearchIcon className="h-4 w-4" />
        <span className="sr-only">Submit search</span>
      </button>
    </SearchToggle>
  );
}
