"use client";

import { useActionState, useRef, useState } from "react";
import { buttonClass, FormMessage } from "@/components/field";
import { useHydrated, useTypedBeforeHydration } from "@/components/use-hydrated";
import { initialActionState, unreachable, type ActionState } from "@/lib/action-state";
import { EMAIL_PREFERENCES, type EmailPreference } from "@/lib/schemas/email";
import { setEmailPreferenceAction } from "@/server/actions/email";

/** No email, one per reply or mention, or a daily digest. */
export function EmailPreferenceForm({ current }: { current: EmailPreference }) {
  const [chosen, setChosen] = useState<EmailPreference>(current);
  const formRef = useRef<HTMLFormElement>(null);
  const hydrated = useHydrated();
  useTypedBeforeHydration(formRef, (typed) => {
    const early = EMAIL_PREFERENCES.find((option) => option.value === typed.preference);
    if (early) setChosen(early.value);
  });
  const [state, formAction, pending] = useActionState(
    (prev: ActionState, form: FormData) => setEmailPreferenceAction(prev, form).catch(unreachable),
    initialActionState,
  );
  const errors = state.ok ? undefined : state.fieldErrors?.preference;

  return (
    <section aria-labelledby="email-h" className="mt-10">
      <h2 id="email-h" className="text-lg font-semibold">
        Email
      </h2>
      <form ref={formRef} action={formAction} className="mt-3 space-y-4" noValidate>
        <fieldset aria-describedby={errors ? "preference-error" : "preference-hint"}>
          <legend className="text-sm font-medium">What should we email you?</legend>
          <p id="preference-hint" className="text-xs text-stone-500 dark:text-stone-400">
            Every email has a link to stop them with one click.
          </p>
          <div className="mt-2 space-y-2">
            {EMAIL_PREFERENCES.map((option) => (
              <label key={option.value} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="preference"
                  value={option.value}
                  checked={chosen === option.value}
                  onChange={() => setChosen(option.value)}
                  className="h-4 w-4 accent-amber-700"
                />
                {option.label}
              </label>
            ))}
          </div>
          <div id="preference-error" aria-live="polite">
            {errors?.map((error) => (
              <p key={error} className="mt-1 text-sm text-red-700 dark:text-red-400">
                {error}
              </p>
            ))}
          </div>
        </fieldset>
        <FormMessage message={!errors && state.message} ok={state.ok} />
        <button type="submit" disabled={pending || !hydrated} className={buttonClass}>
          {pending ? "Saving…" : "Save email setting"}
        </button>
      </form>
    </section>
  );
}
