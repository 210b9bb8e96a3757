/** What stands in for a compose form while its code loads: a pending note of roughly its size. */
export function FormPlaceholder() {
  return (
    <div
      role="status"
      className="flex min-h-48 items-center justify-center rounded-lg border border-stone-200 bg-stone-50 p-4 text-sm text-stone-600 dark:border-stone-800 dark:bg-stone-900/60 dark:text-stone-400"
    >
      Opening the form…
    </div>
  );
}
