"use client";

import Link from "@/components/link";
import { useRouter } from "next/navigation";
import { useActionState, useRef, useState } from "react";
import { buttonClass, describedBy, Field, FormMessage, inputClass } from "@/components/field";
import { HandleInput } from "@/components/handle-input";
import { useHydrated, useTypedBeforeHydration } from "@/components/use-hydrated";
import type { ActionState } from "@/lib/action-state";
import { initialActionState, unreachable } from "@/lib/action-state";
import { normalizeHandle } from "@/lib/handle";
import { personPath } from "@/lib/paths";
import { BIO_MAX } from "@/lib/limits";
import { updateProfileAction } from "@/server/actions/profile";

type Values = { name: string; handle: string; bio: string };

/** The account page's profile form: what was typed stays through errors; the profile link follows a saved handle. */
export function ProfileForm({ current }: { current: Values }) {
  const router = useRouter();
  const [values, setValues] = useState(current);
  const formRef = useRef<HTMLFormElement>(null);
  const hydrated = useHydrated();
  useTypedBeforeHydration(formRef, (typed) => setValues((v) => ({ ...v, ...typed })));
  const [saved, setSaved] = useState(current.handle);
  const [state, formAction, pending] = useActionState(async (prev: ActionState, form: FormData) => {
    const result = await updateProfileAction(prev, form).catch(unreachable);
    if (result.ok) {
      setSaved(normalizeHandle(String(form.get("handle") ?? "")));
      router.refresh(); // the account menu shows the name
    }
    return result;
  }, initialActionState);
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  const set = (key: keyof Values) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));

  return (
    <section aria-labelledby="profile-h" className="mt-6">
      <h2 id="profile-h" className="text-lg font-semibold">
        Your profile
      </h2>
      {saved && (
        <p className="text-sm text-stone-600 dark:text-stone-400">
          Anyone can see it at{" "}
          <Link href={personPath(saved)} className="font-mono text-amber-800 hover:underline dark:text-amber-300">
            {personPath(saved)}
          </Link>
          .
        </p>
      )}
      <form ref={formRef} action={formAction} className="mt-4 space-y-4" noValidate>
        <Field
          id="profile-name"
          label="Display name"
          hint="Shown with everything you post, old posts too."
          errors={errors.name}
        >
          <input
            id="profile-name"
            name="name"
            autoComplete="nickname"
            value={values.name}
            onChange={set("name")}
            aria-invalid={!!errors.name}
            aria-describedby={describedBy("profile-name", { hint: true, errors: errors.name })}
            className={inputClass}
          />
        </Field>
        <Field
          id="profile-handle"
          label="Handle"
          hint="Your profile's address and how others @mention you. The old address stops working."
          errors={errors.handle}
        >
          <HandleInput
            id="profile-handle"
            name="handle"
            autoComplete="off"
            value={values.handle}
            onChange={set("handle")}
            invalid={!!errors.handle}
            aria-describedby={describedBy("profile-handle", { hint: true, errors: errors.handle })}
          />
        </Field>
        <Field
          id="profile-bio"
          label="Bio (optional)"
          hint={`A few words about you, in Markdown. ${values.bio.length} / ${BIO_MAX}`}
          errors={errors.bio}
        >
          <textarea
            id="profile-bio"
            name="bio"
            rows={4}
            maxLength={BIO_MAX}
            value={values.bio}
            onChange={set("bio")}
            aria-invalid={!!errors.bio}
            aria-describedby={describedBy("profile-bio", { hint: true, errors: errors.bio })}
            className={`${inputClass} font-mono text-sm`}
          />
        </Field>
        <FormMessage message={(!state.fieldErrors || state.ok) && state.message} ok={state.ok} />
        <button type="submit" disabled={pending || !hydrated} className={buttonClass}>
          {pending ? "Saving…" : "Save profile"}
        </button>
      </form>
    </section>
  );
}
