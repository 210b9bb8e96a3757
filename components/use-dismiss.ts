"use client";

import { type RefObject, useCallback, useEffect, useId, useRef, useState } from "react";

/**
 * A disclosure menu's way out: while it is open, Escape or a click outside `root` closes it.
 */
export function useDismiss(open: boolean, close: () => void, root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && close();
    const onClick = (e: MouseEvent) => !root.current?.contains(e.target as Node) && close();
    document.addEventListener("keydown", onKey);
    document.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("click", onClick);
    };
  }, [open, close, root]);
}

/**
 * A button that shows and hides a panel (the header's menu and search, a post's Moderate menu, a
 * confirmation): the panel's id for aria-controls; opening moves focus to the first element
 * matching `focusFirst` shown in the panel; Escape or a click outside the root closes it, and
 * closing gives focus back to the button when focus was inside. `initiallyOpen`: for a panel
 * loaded by the click that opens it.
 */
export function useDisclosure<Panel extends HTMLElement = HTMLDivElement>(focusFirst: string, initiallyOpen = false) {
  const [open, setOpen] = useState(initiallyOpen);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<Panel>(null);
  const close = useCallback(() => {
    // Not when a click outside has just put focus somewhere else.
    if (rootRef.current?.contains(document.activeElement)) buttonRef.current?.focus();
    setOpen(false);
  }, []);
  useDismiss(open, close, rootRef);
  useEffect(() => {
    if (!open) return;
    const candidates = panelRef.current?.querySelectorAll<HTMLElement>(focusFirst) ?? [];
    // The first one shown at this width (some of the header menu's links are inline on wide screens).
    [...candidates].find((el) => el.getClientRects().length > 0)?.focus();
  }, [open, focusFirst]);
  return { open, setOpen, close, panelId, rootRef, buttonRef, panelRef };
}
