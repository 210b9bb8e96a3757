"use client";

import { lazyComponent } from "@/components/lazy-component";

/**
 * The compose form (with its preview and @mention suggestions) is fetched when a form opens, not
 * with the page: most visitors read and never write. Until it arrives, a pending placeholder of
 * roughly its size keeps the page from jumping.
 */
export const LazyComposeForm = lazyComponent(
  () => import("./compose-form").then((m) => m.ComposeForm),
  <div
    role="status"
    className="flex min-h-48 items-center justify-center rounded-lg border border-stone-200 bg-stone-50 p-4 text-sm text-stone-600 dark:border-stone-800 dark:bg-stone-900/60 dark:text-stone-400"
  >
    Opening the form…
  </div>,
);
