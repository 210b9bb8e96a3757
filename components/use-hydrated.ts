import { useLayoutEffect, useSyncExternalStore, type RefObject } from "react";

// A page's HTML arrives before its scripts, and on a slow phone people type and press before those
// scripts have run. Two things then went wrong in a form: its button did nothing (or sent the
// fields as a GET, into the address), and a controlled field, which hydrates with React's state
// (the server's empty value), had what was typed written over at React's next render.

const never = () => () => {};

/** False in the server's HTML and while hydrating; true once this page's scripts handle events. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}

/**
 * Hands `adopt` each field of `form` that was changed before hydration, by name, once, as
 * hydration ends: React leaves the typed value in place while hydrating (it only resets the
 * field's default to the server's value), so a field whose value is not its default was typed.
 */
export function useTypedBeforeHydration(
  form: RefObject<HTMLFormElement | null>,
  adopt: (typed: Record<string, string>) => void,
): void {
  useLayoutEffect(() => {
    const typed: Record<string, string> = {};
    for (const field of form.current?.elements ?? []) {
      if (field instanceof HTMLTextAreaElement && field.value !== field.defaultValue) typed[field.name] = field.value;
      if (!(field instanceof HTMLInputElement) || !field.name) continue;
      if (field.type === "radio" || field.type === "checkbox") {
        if (field.checked && !field.defaultChecked) typed[field.name] = field.value;
      } else if (field.type !== "hidden" && field.value !== field.defaultValue) typed[field.name] = field.value;
    }
    if (Object.keys(typed).length > 0) adopt(typed);
    // Once, as hydration ends: later changes reach the form's own onChange.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
