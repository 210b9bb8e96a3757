"use client";

import Link from "@/components/link";
import type { ReactNode } from "react";
import { useDisclosure } from "@/components/use-dismiss";
import { homePath, moderationLogPath } from "@/lib/shell-paths";
import { MENU_BUTTON } from "./menu-button";

/** A menu item's look (links and buttons alike). */
export const item = "block rounded px-2 py-1.5 hover:bg-stone-100 dark:hover:bg-stone-800";

/** The site's own links: in the menu on narrow screens, inline in the header from md on. */
export function SiteLinks() {
  return (
    <ul aria-label="Site" className="mb-2 border-b border-stone-200 pb-2 dark:border-stone-700 md:hidden">
      <li>
        <Link href={homePath()} className={item}>
          Debates
        </Link>
      </li>
      <li>
        <Link href={moderationLogPath()} className={item}>
          Moderation log
        </Link>
      </li>
    </ul>
  );
}

/**
 * A disclosure menu: the button says whether it is open and what it controls; opening moves focus
 * to the first thing shown inside; Escape, a click outside, tabbing away or following a link closes
 * it, and Escape gives focus back to the button.
 */
export function Menu({
  label,
  button,
  className = "",
  initiallyOpen = false,
  children,
}: {
  label: string;
  button: ReactNode;
  className?: string;
  /** Open as it mounts: loaded by the click on a stand-in button (components/account-menu.tsx). */
  initiallyOpen?: boolean;
  children: ReactNode;
}) {
  const {
    open,
    setOpen,
    panelId: menuId,
    rootRef,
    buttonRef,
    panelRef,
  } = useDisclosure("a[href], button:not([disabled])", initiallyOpen);

  return (
    <div
      ref={rootRef}
      className={`relative text-sm ${className}`}
      onBlur={(e) => {
        if (open && e.relatedTarget instanceof Node && !rootRef.current?.contains(e.relatedTarget)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={label}
        title={label}
        onClick={() => setOpen((o) => !o)}
        className={MENU_BUTTON}
      >
        {button}
      </button>
      <div
        ref={panelRef}
        id={menuId}
        hidden={!open}
        // A link followed inside the menu closes it.
        onClick={(e) => e.target instanceof Element && e.target.closest("a[href]") && setOpen(false)}
        className="absolute right-0 z-30 mt-1 w-64 max-w-[calc(100vw-1rem)] rounded-md border border-stone-200 bg-white p-2 shadow-lg dark:border-stone-700 dark:bg-stone-900"
      >
        {children}
      </div>
    </div>
  );
}
