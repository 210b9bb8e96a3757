"use client";

import Link from "@/components/link";
import { useSession } from "@/components/session";
import { useActionState, useState } from "react";
import { buttonClass, describedBy, Field, FormMessage, inputClass } from "@/components/field";
import type { ActionState } from "@/lib/action-state";
import { initialActionState } from "@/lib/action-state";
import { PASSWORD_MIN } from "@/lib/limits";
import { changePasswordAction } from "@/server/actions/account";
import { accountPath, signInPath } from "@/lib/paths";

export function AccountSettings() {
  const { data: session, status } = useSession();
  const [values, setValues] = useState({ currentPassword: "", newPassword: "" });
  const [state, formAction, pending] = useActionState(async (prev: ActionState, form: FormData) => {
    const result = await changePasswordAction(prev, form);
    // This session carries on; the others ended with the change.
    if (result.ok) setValues({ currentPassword: "", newPassword: "" });
    return result;
  }, initialActionState);

  if (status === "loading") return <p className="mt-4 text-stone-500">Loading…</p>;
  if (!session?.user) {
    return (
      <p className="mt-4">
        <Link
          href={signInPath(accountPath())}
          className="font-medium text-amber-800 hover:underline dark:text-amber-300"
        >
          Sign in
        </Link>{" "}
        to manage your account.
      </p>
    );
  }
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  return (
    <section aria-labelledby="password-h" className="mt-6">
      <h2 id="password-h" className="text-lg font-semibold">
        Change your password
      </h2>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        Every other device you are signed in on is signed out.
      </p>
      <form action={formAction} className="mt-4 space-y-4" noValidate>
        <Field id="currentPassword" label="Current password" errors={errors.currentPassword}>
          <input
            id="currentPassword"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            value={values.currentPassword}
            onChange={(e) => setValues((v) => ({ ...v, currentPassword: e.target.value }))}
            aria-invalid={!!errors.currentPassword}
            aria-describedby={describedBy("currentPassword", { errors: errors.currentPassword })}
            className={inputClass}
          />
        </Field>
        <Field
          id="newPassword"
          label="New password"
          hint={`At least ${PASSWORD_MIN} characters, and not one of the common ones.`}
          errors={errors.newPassword}
        >
          <input
            id="newPassword"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            value={values.newPassword}
            onChange={(e) => setValues((v) => ({ ...v, newPassword: e.target.value }))}
            aria-invalid={!!errors.newPassword}
            aria-describedby={describedBy("newPassword", { hint: true, errors: errors.newPassword })}
            className={inputClass}
          />
        </Field>
        <FormMessage message={(!state.fieldErrors || state.ok) && state.message} ok={state.ok} />
        <button type="submit" disabled={pending} className={buttonClass}>
          {pending ? "Changing…" : "Change password"}
        </button>
      </form>
    </section>
  );
}
