"use client";

import type { ReactNode } from "react";
import { useDisclosure } from "./use-dismiss";

/**
 * The header search's behaviour (components/search-box.tsx draws the rest on the server): from the
 * sm breakpoint on the form is always shown; on a phone, `icon` is a button that opens it in a row
 * under the header (Escape or a click outside closes it again).
 */
export function SearchToggle({ action, icon, children }: { action: string; icon: ReactNode; children: ReactNode }) {
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
        {icon}
      </button>
      <form
        ref={panelRef}
        id={formId}
        role="search"
        aria-label="Search the debates"
        action={action}
        method="get"
        className={`${open ? "flex" : "hidden"} absolute inset-x-0 top-full z-20 border-b border-stone-200 bg-white px-4 py-2 sm:static sm:flex sm:border-0 sm:bg-transparent sm:p-0 dark:border-stone-800 dark:bg-stone-900 sm:dark:bg-transparent`}
      >
        {children}
      </form>
    </div>
  );
}
