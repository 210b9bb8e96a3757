import type { InputHTMLAttributes } from "react";
import { HANDLE_MAX } from "@/lib/handle";

/** A handle's text box, shown as "@handle": the "@" sits before the box and is not part of the value. */
export function HandleInput({ invalid, ...props }: InputHTMLAttributes<HTMLInputElement> & { invalid: boolean }) {
  return (
    <div className="flex rounded-md border border-stone-300 bg-white shadow-sm focus-within:border-amber-600 focus-within:ring-2 focus-within:ring-amber-600/30 has-[input[aria-invalid=true]]:border-red-600 dark:border-stone-700 dark:bg-stone-950">
      <span aria-hidden="true" className="select-none py-2 pl-3 font-mono text-base text-stone-500">
        @
      </span>
      <input
        {...props}
        aria-invalid={invalid}
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        maxLength={HANDLE_MAX + 1}
        className="block w-full min-w-0 rounded-r-md bg-transparent py-2 pr-3 pl-0.5 font-mono text-base focus:outline-none"
      />
    </div>
  );
}
