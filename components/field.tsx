import type { ReactNode } from "react";

/** A labelled form field with its error tied to it (aria-describedby), next-learn style. */
export function Field({
  id,
  label,
  errors,
  hint,
  children,
}: {
  id: string;
  label: string;
  errors?: string[];
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-stone-500 dark:text-stone-400">
          {hint}
        </p>
      )}
      <div className="mt-1">{children}</div>
      <div id={`${id}-error`} aria-live="polite" aria-atomic="true">
        {errors?.map((error) => (
          <p key={error} className="mt-1 text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        ))}
      </div>
    </div>
  );
}

export function describedBy(id: string, { hint = false, errors }: { hint?: boolean; errors?: string[] }) {
  return [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

export const inputClass =
  "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm focus:border-amber-600 focus:outline-none focus:ring-2 focus:ring-amber-600/30 aria-[invalid=true]:border-red-600 dark:border-stone-700 dark:bg-stone-950";

export { buttonClass } from "./button-class";

export const secondaryButtonClass =
  "inline-flex items-center justify-center rounded-md border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100 disabled:opacity-60 dark:border-stone-700 dark:hover:bg-stone-800";

/**
 * A form's answer as a whole (saved, or refused for a reason no one field carries), in a polite
 * live region that is always there, so screen readers announce the message when it appears.
 */
export function FormMessage({ message, ok }: { message?: string | false | null; ok: boolean }) {
  return (
    <div aria-live="polite">
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
