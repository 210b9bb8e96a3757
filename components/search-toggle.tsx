"use client";

import type { ReactNode } from "react";
import { useDisclosure } from "./use-dismiss";

/**
 * The header search's behaviour (components/search-box.tsx draws the rest on the server): from the
 * sm breakpoint on the form is always shown; on a phone, `icon` is a button that opens it in a row
 * under the header (Escape or a click outside closes it again).
 */
export function SearchToggle({
  action,
  icon,
  formClassName,
  children,
}: {
  action: string;
  icon: ReactNode;
  /** The form's look but for showing it: "flex" or "hidden" below sm is this toggle's. */
  formClassName: string;
  children: ReactNode;
}) {
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
        className="header-button w-8 sm:hidden"
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
        className={`${open ? "flex" : "hidden"} ${formClassName}`}
      >
        {children}
      </form>
    </div>
  );
}
