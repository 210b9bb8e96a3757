/** What every server action returns to its form (useActionState). */
export type ActionState = {
  ok: boolean;
  /** A message for the whole form: success, or an error not tied to one field. */
  message?: string;
  /** Errors by field name, shown next to each field. */
  fieldErrors?: Record<string, string[] | undefined>;
  /** The id of what was created or changed. */
  id?: string;
  /** Where the client should go next, when it should. */
  redirectTo?: string;
  /**
   * Seconds until the refused write may be tried again (posting too fast, slow mode): the form
   * counts down and keeps its button disabled until then.
   */
  retryAfter?: number;
  /** When that wait ends (ms since the epoch): stamped by the form as the answer arrives, never sent. */
  retryUntil?: number;
  /** Extra data an action hands back (preview HTML, a post's source). */
  data?: Record<string, string | null>;
};

export const initialActionState: ActionState = { ok: false };

/** What a form shows when a Server Action's answer never arrived (a dropped connection, a restart). */
export const unreachable = (): ActionState => ({
  ok: false,
  message: "The site could not be reached, so we can't tell whether it was saved. Try again.",
});
