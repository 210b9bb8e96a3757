"use client";

import { type ReactNode } from "react";
import type { ActionState } from "@/lib/action-state";
import { ActionForm } from "./action-form";
import { useDisclosure } from "./use-dismiss";

type Props = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  hidden: Record<string, string>;
  /** The button that asks: "Archive", "Ban…". */
  trigger: string;
  /** The question, with what will happen: "Archive “Costs”? Its posts stay readable, …". */
  question: ReactNode;
  /** The button that does it: "Yes, archive". */
  confirmLabel: string;
  pendingLabel: string;
  /** The form's accessible name (a landmark: unique on the page). */
  label: string;
  /** Fields the action needs, given the last result (a reason, say). */
  children?: (state: ActionState) => ReactNode;
};

/**
 * A destructive action in two steps: a button that asks, then the question with "Yes" and
 * "Cancel". Opening moves focus to the first field or the "Yes" button; Cancel, Escape or a click
 * outside closes it and gives focus back to the first button.
 */
export function ConfirmAction({
  action,
  hidden,
  trigger,
  question,
  confirmLabel,
  pendingLabel,
  label,
  children,
}: Props) {
  const {
    open: asking,
    setOpen: setAsking,
    close,
    panelId,
    rootRef,
    buttonRef: triggerRef,
    panelRef,
  } = useDisclosure("input:not([type=hidden]), select, button[type=submit]");

  return (
    <div ref={rootRef} className="text-sm">
      <button
        ref={triggerRef}
        type="button"
        aria-expanded={asking}
        aria-controls={panelId}
        onClick={() => setAsking((a) => !a)}
        className="rounded-md border border-red-300 px-3 py-1.5 font-medium text-red-800 hover:bg-red-50 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950"
      >
        {trigger}
      </button>
      <div
        ref={panelRef}
        id={panelId}
        hidden={!asking}
        className="mt-2 rounded-md border border-red-200 bg-red-50/60 p-3 dark:border-red-900 dark:bg-red-950/30"
      >
        {asking && (
          <>
            <p className="mb-2">{question}</p>
            <ActionForm
              action={action}
              hidden={hidden}
              submitLabel={confirmLabel}
              pendingLabel={pendingLabel}
              label={label}
              danger
              onDone={close}
            >
              {children}
            </ActionForm>
            <button
              type="button"
              onClick={close}
              className="mt-2 rounded-md px-3 py-1.5 font-medium text-stone-700 hover:bg-stone-100 dark:text-stone-200 dark:hover:bg-stone-800"
            >
              Cancel
            </button>
          </>
        )}
      </div>
    </div>
  );
}
