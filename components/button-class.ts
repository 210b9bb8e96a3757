/** The main button's look, named in app/globals.css (`btn-primary`: one name in every script that
 * draws a button, not its class list). Its own module (re-exported by field.tsx), so a page's
 * first script that draws one button does not carry the form fields. */
export const buttonClass = "btn-primary";

/** One choice among a few links (an order, a reading mode): filled when it is the current one. */
export const pillClass = (current: boolean) => (current ? "pill-current" : "pill");
