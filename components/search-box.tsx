"use client";

import { searchPath } from "@/lib/paths";
import { SearchIcon } from "./icons";
import { useDisclosure } from "./use-dismiss";

/**
 * The site-wide search in the header: a plain GET form to /search (the same for everyone, part of
 * the cached shell). From the sm breakpoint on it is a compact field; on a phone, an icon button
 * that opens the field in a row under the header (Escape or a click outside closes it again).
 */
export function SearchBox() {
  const { open, setOpen, panelId: formId, rootRef, buttonRef, panelRef } = useDisclosure<HTMLFormElement>("input");

  return (
    <div ref={rootRef} className="sm:w-56 md:w-64">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={formId}
        aria-label="Search"
        title="Search"
        onClick={() => setOpen((o) => !o)}
        className="flex h-8 w-8 items-center justify-center rounded text-stone-700 hover:bg-stone-100 sm:hidden dark:text-stone-200 dark:hover:bg-stone-800"
      >
        <SearchIcon className="h-5 w-5" />
      </button>
      <form
        ref={panelRef}
        id={formId}
        role="search"
        aria-label="Search the debates"
        action={searchPath()}
        method="get"
        className={`${open ? "flex" : "hidden"} absolute inset-x-0 top-full z-20 border-b border-stone-200 bg-white px-4 py-2 sm:static sm:flex sm:border-0 sm:bg-transparent sm:p-0 dark:border-stone-800 dark:bg-stone-900 sm:dark:bg-transparent`}
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
      </form>
    </div>
  );
}
