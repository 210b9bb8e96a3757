import type { RefObject } from "react";

/** A synthesis form's answer, focusable so that focus can move to it once it arrives. */
export function SynthesisFormMessage({
  message,
  ok,
  messageRef,
}: {
  message?: string;
  ok: boolean;
  messageRef: RefObject<HTMLDivElement | null>;
}) {
  return (
    <div ref={messageRef} tabIndex={-1} aria-live="polite" className="outline-none">
      {message && (
        <p
          className={`rounded-md px-3 py-2 text-sm ${ok ? "bg-green-50 text-green-900 dark:bg-green-950 dark:text-green-200" : "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-300"}`}
        >
          {message}
        </p>
      )}
    </div>
  );
}
