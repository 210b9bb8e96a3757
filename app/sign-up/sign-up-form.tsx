"use client";

import Link from "@/components/link";
import { useRouter, useSearchParams } from "next/navigation";
import { signIn } from "next-auth/react";
import { refreshSession } from "@/components/session";
import { useActionState, useEffect, useRef, useState } from "react";
import { buttonClass, describedBy, Field, inputClass } from "@/components/field";
import { HandleInput } from "@/components/handle-input";
import { handleFromName } from "@/lib/handle";
import { initialActionState } from "@/lib/action-state";
import { HONEYPOT_FIELD, PASSWORD_MIN } from "@/lib/limits";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { signUpAction } from "@/server/actions/account";
import { signInPath } from "@/lib/paths";

export function SignUpForm() {
  const params = useSearchParams();
  const router = useRouter();
  const callbackUrl = safeCallbackPath(params.get("callbackUrl"));
  const [state, formAction, pending] = useActionState(signUpAction, initialActionState);
  const [values, setValues] = useState({ name: "", handle: "", email: "", password: "" });
  // The handle follows the name as it is typed, until the member edits the handle themselves.
  const [handleEdited, setHandleEdited] = useState(false);
  const [signInError, setSignInError] = useState<string | null>(null);
  const signedInFor = useRef<typeof state | null>(null);

  // The answer is the same whether the email was new or already had an account (the server does not
  // say which): signing in with what was typed then works for a new account and for its owner only.
  useEffect(() => {
    if (!state.ok || signedInFor.current === state) return;
    signedInFor.current = state;
    void signIn("credentials", { email: values.email, password: values.password, redirect: false }).then((result) => {
      if (result?.error) {
        setSignInError(
          result.error.startsWith("Too many")
            ? result.error
            : "We could not sign you in with this email and password. If you already have an account, sign in with its password.",
        );
        return;
      }
      void refreshSession();
      router.push(callbackUrl);
      router.refresh();
    });
  }, [state, values.email, values.password, callbackUrl, router]);

  const errors = state.fieldErrors ?? {};
  const set = (key: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));

  return (
    <>
      <form action={formAction} className="mt-6 space-y-4" noValidate>
        <Field id="name" label="Display name" errors={errors.name}>
          <input
            id="name"
            name="name"
            autoComplete="nickname"
            required
            value={values.name}
            onChange={(e) => {
              const name = e.target.value;
              setValues((v) => ({
                ...v,
                name,
                handle: handleEdited ? v.handle : name.trim() ? handleFromName(name) : "",
              }));
            }}
            aria-invalid={!!errors.name}
            aria-describedby={describedBy("name", { errors: errors.name })}
            className={inputClass}
          />
        </Field>
        <Field
          id="handle"
          label="Handle"
          hint="Your profile's address and how others @mention you: lower-case letters, digits, “_” and “-”. Left empty, one is made from your name."
          errors={errors.handle}
        >
          <HandleInput
            id="handle"
            name="handle"
            autoComplete="off"
            value={values.handle}
            onChange={(e) => {
              setHandleEdited(true);
              setValues((v) => ({ ...v, handle: e.target.value }));
            }}
            invalid={!!errors.handle}
            aria-describedby={describedBy("handle", { hint: true, errors: errors.handle })}
          />
        </Field>
        <Field id="email" label="Email" errors={errors.email}>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            required
            value={values.email}
            onChange={set("email")}
            aria-invalid={!!errors.email}
            aria-describedby={describedBy("email", { errors: errors.email })}
            className={inputClass}
          />
        </Field>
        <Field
          id="password"
          label="Password"
          hint={`At least ${PASSWORD_MIN} characters, and not one of the common ones.`}
          errors={errors.password}
        >
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            value={values.password}
            onChange={set("password")}
            aria-invalid={!!errors.password}
            aria-describedby={describedBy("password", { hint: true, errors: errors.password })}
            className={inputClass}
          />
        </Field>
        {/* The honeypot: no person sees it, tabs to it, hears it or has it autofilled; scripts fill it. */}
        <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
          <label htmlFor={HONEYPOT_FIELD}>Leave this field empty</label>
          <input
            id={HONEYPOT_FIELD}
            name={HONEYPOT_FIELD}
            type="text"
            tabIndex={-1}
            autoComplete="off"
            defaultValue=""
          />
        </div>
        <div aria-live="polite">
          {!state.ok && state.message && !state.fieldErrors && (
            <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-300">
              {state.message}
            </p>
          )}
          {signInError && (
            <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-300">
              {signInError}
            </p>
          )}
        </div>
        <button type="submit" disabled={pending || state.ok} className={`${buttonClass} w-full`}>
          {pending ? "Creating your account…" : state.ok ? "Signing you in…" : "Create account"}
        </button>
      </form>
      <p className="mt-6 text-sm">
        Already have an account?{" "}
        <Link href={signInPath(callbackUrl)} className="font-medium text-amber-800 hover:underline dark:text-amber-300">
          Sign in
        </Link>
      </p>
    </>
  );
}
