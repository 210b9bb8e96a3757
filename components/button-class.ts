/** The main button's look, named in app/globals.css (`btn-primary`: one name in every script that
 * draws a button, not its class list). Its own module (re-exported by field.tsx), so a page's
 * first script that draws one button does not carry the form fields. */
export const buttonClass = "btn-primary";

/** One choice among a few links (an order, a reading mode): filled when it is the current one. */
export const pillClass = (current: boolean) =>
  current
    ? "rounded-full bg-amber-100 px-3 py-1 font-medium text-amber-900 dark:bg-amber-900/40 dark:text-amber-100"
    : "rounded-full px-3 py-1 text-stone-700 hover:bg-stone-100 dark:text-stone-300 dark:hover:bg-stone-800";
