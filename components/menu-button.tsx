"use client";

import { useState, type ReactNode } from "react";

/** The "Sign up" link's look, inline and in the menu. */
export const SIGN_UP_CLASS =
  "inline-block whitespace-nowrap rounded bg-amber-700 px-3 py-1.5 font-medium text-white hover:bg-amber-800";

/** The header's menu buttons' look (named in app/globals.css: the header's script is on every page). */
export const MENU_BUTTON = "header-button min-w-8 gap-1 px-1.5";

/**
 * A menu's button before its menu is loaded: it looks and reads the same ("collapsed"), starts
 * loading the menu when a pointer, finger or focus comes near, and opens it when pressed, with
 * `menu(true)` (a components/header-menu.tsx Menu, initially open, loaded behind Suspense).
 */
export function MenuButton({
  label,
  button,
  className = "",
  warm,
  menu,
}: {
  label: string;
  button: ReactNode;
  className?: string;
  warm: () => void;
  menu: (closedButton: ReactNode) => ReactNode;
}) {
  const [pressed, setPressed] = useState(false);
  const closed = (
    <div className={`relative text-sm ${className}`}>
      <button
        type="button"
        aria-expanded={false}
        aria-label={label}
        title={label}
        className={MENU_BUTTON}
        onPointerEnter={warm}
        onTouchStart={warm}
        onFocus={warm}
        onClick={() => setPressed(true)}
      >
        {button}
      </button>
    </div>
  );
  return pressed ? menu(closed) : closed;
}
