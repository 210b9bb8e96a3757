import type { ReactNode } from "react";
import { LockIcon } from "./icons";

/** Why nothing can be added here (a locked debate or subheading), in place of "Add to the debate". */
export function LockedNotice({ children }: { children: ReactNode }) {
  return (
    <p
      role="note"
      className="rounded-md border border-stone-300 bg-stone-100 px-4 py-3 text-sm dark:border-stone-700 dark:bg-stone-900"
    >
      <LockIcon className="mr-1 h-4 w-4 align-[-0.15em]" /> {children}
    </p>
  );
}
