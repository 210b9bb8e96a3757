// The limits the forms show and the schemas (lib/schemas/) enforce, as plain constants: a client
// form imports them from here, never from a schema, which would ship zod and the whole Markdown
// pipeline (lib/markdown.ts) to every page that shows the form.

export const BODY_MAX = 20_000;
export const TITLE_MAX = 200;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;
export const BIO_MAX = 500;
/**
 * The sign-up form's honeypot: a field people never see (hidden, aria-hidden, out of the tab order,
 * no autofill) that form-filling scripts fill. Its name is one they fill and browsers do not.
 */
export const HONEYPOT_FIELD = "website";
