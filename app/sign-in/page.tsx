import type { Metadata } from "next";
import { Suspense } from "react";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default function SignInPage() {
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-bold tracking-tight">Sign in</h1>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        Reading needs no account; signing in lets you add to a debate and reply.
      </p>
      <Suspense>
        <SignInForm />
      </Suspense>
    </div>
  );
}
