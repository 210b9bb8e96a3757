import type { Metadata } from "next";
import { Suspense } from "react";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default function SignUpPage() {
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-bold tracking-tight">Create an account</h1>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        Your display name is shown with everything you post.
      </p>
      <Suspense>
        <SignUpForm />
      </Suspense>
    </div>
  );
}
