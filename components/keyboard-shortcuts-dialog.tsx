"use client";

import { useEffect, useRef } from "react";

/** What the dialog lists, in the order a reader meets them (Discourse's keys are the model). */
const SHORTCUTS: { keys: string[]; does: string }[] = [
  { keys: ["j"], does: "Next post" },
  { keys: ["k"], does: "Previous post" },
  { keys: ["r"], does: "Reply to the current post" },
  { keys: ["q"], does: "Quote the selected text in a reply" },
  { keys: ["/"], does: "Search" },
  { keys: ["?"], does: "Show these shortcuts" },
  { keys: ["Esc"], does: "Close this list, a menu or a reply form" },
];

/**
 * The list of shortcuts, a modal <dialog> (components/keyboard-shortcuts.tsx loads it when ? is
 * pressed). Escape, its Close button or a click on the backdrop closes it; `onClose` then puts the
 * focus back where the reader was.
 */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby="keyboard-shortcuts-title"
      onClose={onClose}
      onClick={(event) => {
        // A click on the backdrop (the dialog itself, outside its content) closes it.
        if (event.target === event.currentTarget) dialogRef.current?.close();
      }}
      className="m-auto w-[min(26rem,calc(100vw-2rem))] rounded-lg border border-stone-200 bg-white p-0 text-stone-900 shadow-xl backdrop:bg-stone-950/50 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100"
    >
      <div className="p-5">
        <h2 id="keyboard-shortcuts-title" className="text-lg font-semibold">
          Keyboard shortcuts
        </h2>
        <dl className="mt-3 grid grid-cols-[auto_1fr] items-baseline gap-x-4 gap-y-2 text-sm">
          {SHORTCUTS.map(({ keys, does }) => (
            <div key={does} className="contents">
              <dt>
                {keys.map((key) => (
                  <kbd
                    key={key}
                    className="rounded border border-stone-300 bg-stone-100 px-1.5 py-0.5 font-mono text-xs dark:border-stone-600 dark:bg-stone-800"
                  >
                    {key}
                  </kbd>
                ))}
              </dt>
              <dd>{does}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-xs text-stone-600 dark:text-stone-400">Shortcuts are off while you type in a field.</p>
        <form method="dialog" className="mt-4 text-right">
          <button
            type="submit"
            autoFocus
            className="rounded-md bg-amber-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-amber-800"
          >
            Close
          </button>
        </form>
      </div>
    </dialog>
  );
}
