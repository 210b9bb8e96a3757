"use client";

import { useRouter } from "next/navigation";
import { startTransition, useActionState, useId, useRef, useState, type ReactNode } from "react";
import type { ActionState } from "@/lib/action-state";
import { initialActionState, unreachable } from "@/lib/action-state";
import { useHydrated } from "./use-hydrated";

type Props = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  hidden?: Record<string, string>;
  submitLabel: string;
  pendingLabel: string;
  /** The fields, given the last result (for their errors). */
  children?: (state: ActionState) => ReactNode;
  label?: string;
  className?: string;
  danger?: boolean;
  onDone?: (state: ActionState) => void;
};

/** A small form around one Server Action: pending state, its message, and a refresh on success. */
export function ActionForm({
  action,
  hidden = {},
  submitLabel,
  pendingLabel,
  children,
  label,
  className = "",
  danger = false,
  onDone,
}: Props) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  // Pressed before the page's scripts ran, the form would be sent as a GET to this page.
  const hydrated = useHydrated();
  const [state, formAction, pending] = useActionState(async (prev: ActionState, form: FormData) => {
    const result = await action(prev, form).catch(unreachable);
    if (result.ok) {
      formRef.current?.reset(); // what was sent is done with; a refusal keeps it for the retry
      router.refresh();
      onDone?.(result);
    }
    return result;
  }, initialActionState);
  return (
    <form
      ref={formRef}
      // Submitted by hand: React resets a form after its `action` runs, refused or not, which lost
      // what was typed (and chosen) whenever the server said no.
      onSubmit={(e) => {
        e.preventDefault();
        if (pending) return;
        const form = new FormData(e.currentTarget);
        startTransition(() => formAction(form));
      }}
      aria-label={label}
      className={`flex flex-wrap items-end gap-2 text-sm ${className}`}
      noValidate
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children?.(state)}
      <button
        type="submit"
        disabled={pending || !hydrated}
        className={`rounded-md px-3 py-1.5 font-medium text-white disabled:opacity-60 ${danger ? "bg-red-700 hover:bg-red-800" : "bg-stone-700 hover:bg-stone-800 dark:bg-stone-600"}`}
      >
        {pending ? pendingLabel : submitLabel}
      </button>
      <span aria-live="polite" className="basis-full">
        {state.message && (
          <span className={state.ok ? "text-green-800 dark:text-green-300" : "text-red-700 dark:text-red-400"}>
            {state.message}
          </span>
        )}
      </span>
    </form>
  );
}

/** What a field of `FormField` spreads on its control: its error's link, and the change that clears it. */
export type FieldProps = { onChange: () => void; "aria-invalid": boolean; "aria-describedby": string | undefined };

/**
 * A labelled control inside an ActionForm (`children` draws it, spreading `field`), with the last
 * answer's errors for `name` tied to it by aria-describedby.
 */
export function FormField({
  name,
  label,
  state,
  className,
  children,
}: {
  name: string;
  label: string;
  state: ActionState;
  className?: string;
  children: (field: FieldProps) => ReactNode;
}) {
  // An error clears once the field is changed; the next answer brings its own.
  const [changedAfter, setChangedAfter] = useState<ActionState | null>(null);
  const errors = state.ok || changedAfter === state ? undefined : state.fieldErrors?.[name];
  const id = useId();
  return (
    <span className={className ? `flex flex-col ${className}` : "flex flex-col"}>
      <label className="text-xs font-medium">
        {label}
        {children({
          onChange: () => setChangedAfter(state),
          "aria-invalid": !!errors,
          "aria-describedby": errors ? `${id}-e` : undefined,
        })}
      </label>
      {errors && (
        <span id={`${id}-e`} className="text-xs text-red-700 dark:text-red-400">
          {errors.join(" ")}
        </span>
      )}
    </span>
  );
}

/** A labelled text input inside an ActionForm, with its error. */
export function SmallField({
  name,
  label,
  state,
  type = "text",
  defaultValue,
  required = false,
  width = "w-64",
}: {
  name: string;
  label: string;
  state: ActionState;
  type?: string;
  defaultValue?: string;
  required?: boolean;
  width?: string;
}) {
  return (
    <FormField name={name} label={label} state={state}>
      {(field) => (
        <input
          name={name}
          type={type}
          required={required}
          defaultValue={defaultValue}
          {...field}
          className={`mt-0.5 block ${width} rounded border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-950`}
        />
      )}
    </FormField>
  );
}
