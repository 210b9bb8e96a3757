"use client";

import { lazyComponent } from "@/components/lazy-component";
import { useEffect, useRef, useState } from "react";
import type { runShortcut } from "./keyboard-shortcut-keys";

/** Keys typed into a field, or with a modifier held, are the browser's and the field's, never ours. */
function ignored(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return true;
  const target = event.target;
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return !!target.closest("input, textarea, select, [contenteditable], [role=textbox], dialog");
}

/** The keys that are shortcuts (besides ?, which opens the list). */
const KEYS = new Set(["j", "k", "r", "q", "/"]);

// What the keys do and the list of them are loaded on the first shortcut pressed: a reader who
// never presses one never downloads them. Keys pressed while it loads run in order once it is here.
let keys: Promise<{ runShortcut: typeof runShortcut }> | null = null;
const ShortcutsDialog = lazyComponent(() => import("./keyboard-shortcut-keys").then((m) => m.ShortcutsDialog));

/**
 * The site's keyboard shortcuts, mounted once in the layout: j/k move between posts (focus and
 * scroll), r replies to the current post, q quotes the selection, / searches, ? lists them all.
 * Keys typed into fields or with Ctrl, Alt or Meta are left alone. This is only the listener; what
 * the keys do (keyboard-shortcut-keys.ts) and the list (keyboard-shortcuts-dialog.tsx) are loaded
 * together when first needed.
 */
export function KeyboardShortcuts() {
  const [open, setOpen] = useState(false);
  const openerRef = useRef<Element | null>(null);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (ignored(event)) return;
      if (event.key === "?") {
        openerRef.current = document.activeElement;
        setOpen(true);
      } else if (KEYS.has(event.key)) {
        keys ??= import("./keyboard-shortcut-keys");
        void keys.then((m) => m.runShortcut(event.key));
      } else return;
      // Keeps the key from also being typed into a form that the shortcut opens and focuses (these
      // keys do nothing else outside a field).
      event.preventDefault();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  function onClose() {
    setOpen(false);
    // Back to where the reader was (showModal's dialog does not do it when it is unmounted).
    if (openerRef.current instanceof HTMLElement) openerRef.current.focus({ preventScroll: true });
  }

  return open ? <ShortcutsDialog onClose={onClose} /> : null;
}
