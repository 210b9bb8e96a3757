/** The main button's look. Its own module (re-exported by field.tsx), so a page's first script
 * that draws one button does not carry the form fields. */
export const buttonClass =
  "inline-flex items-center justify-center rounded-md bg-amber-700 px-4 py-2 font-medium text-white hover:bg-amber-800 disabled:cursor-not-allowed disabled:opacity-60";
