"use client";

import Link from "@/components/link";
import { useRouter, useSearchParams } from "next/navigation";
import { getProviders, signIn } from "next-auth/react";
import { refreshSession } from "@/components/session";
import { useEffect, useState, useTransition } from "react";
import { buttonClass, Field, inputClass, secondaryButtonClass } from "@/components/field";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { signUpPath } from "@/lib/paths";
import { signInErrorMessage } from "@/lib/sign-in-errors";
import { useHydrated } from "@/components/use-hydrated";

export function SignInForm() {
  const params = useSearchParams();
  const router = useRouter();
  const callbackUrl = safeCallbackPath(params.get("callbackUrl"));
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  // Only next-auth's own codes, in our words: a link cannot write on this page.
  const [error, setError] = useState<string | null>(signInErrorMessage(params.get("error")));
  const [pending, startTransition] = useTransition();
  const [github, setGithub] = useState(false);
  // Sent before the page's scripts ran, the form would be a GET with the password in the address.
  const hydrated = useHydrated();

  useEffect(() => {
    getProviders()
      .then((providers) => setGithub(Boolean(providers?.github)))
      .catch(() => setGithub(false));
  }, []);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    startTransition(async () => {
      const result = await signIn("credentials", { email, password, redirect: false });
      if (!result || result.error) {
        setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Wrong email or password.");
        return;
      }
      await refreshSession();
      router.push(callbackUrl);
      router.refresh();
    });
  }

  return (
    <>
      <form
        onSubmit={submit}
        className="mt-6 space-y-4"
        noValidate
        aria-describedby={error ? "sign-in-error" : undefined}
      >
        <Field id="email" label="Email">
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            className={inputClass}
          />
        </Field>
        <Field id="password" label="Password">
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            className={inputClass}
          />
        </Field>
        <div id="sign-in-error" aria-live="polite">
          {error && (
            <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-300">
              {error}
            </p>
          )}
        </div>
        <button type="submit" disabled={pending || !hydrated} className={`${buttonClass} w-full`}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {github && (
        <button
          type="button"
          onClick={() => void signIn("github", { callbackUrl })}
          className={`${secondaryButtonClass} mt-3 w-full`}
        >
          Sign in with GitHub
        </button>
      )}
      <p className="mt-6 text-sm">
        New here?{" "}
        <Link href={signUpPath(callbackUrl)} className="font-medium text-amber-800 hover:underline dark:text-amber-300">
          Create an account
        </Link>
      </p>
    </>
  );
}
