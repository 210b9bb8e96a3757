import type { Metadata } from "next";
import { NewDebateForm } from "./new-debate-form";

export const metadata: Metadata = { title: "Open a debate", robots: { index: false } };

export default function NewDebatePage() {
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold tracking-tight">Open a debate</h1>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        Give it a title, an opening post, and the subheadings people will file their contributions under, in order.
      </p>
      <NewDebateForm />
    </div>
  );
}
