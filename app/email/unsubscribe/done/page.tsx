import type { Metadata } from "next";
import Link from "@/components/link";
import { accountPath } from "@/lib/paths";

export const metadata: Metadata = { title: "Unsubscribed", robots: { index: false } };

export default function UnsubscribedPage() {
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold tracking-tight">You are unsubscribed</h1>
      <p className="mt-3 text-stone-700 dark:text-stone-300">
        Debate Commons will send you no more email. You can turn it back on in{" "}
        <Link href={accountPath()} className="font-medium text-amber-800 hover:underline dark:text-amber-300">
          your account
        </Link>
        .
      </p>
    </div>
  );
}
