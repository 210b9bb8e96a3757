import type { Metadata } from "next";
import Link from "@/components/link";
import { Suspense } from "react";
import { accountPath, unsubscribeApi } from "@/lib/paths";
import { verifyUnsubscribeToken } from "@/server/email/unsubscribe-token";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

/**
 * Where an email's "Unsubscribe" link leads (no sign-in needed: the token says who). Opening it
 * changes nothing, since mail scanners open links; the button does (a POST to the one-click route).
 */
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default function UnsubscribePage({ searchParams }: Props) {
  return (
    <div className="mx-auto max-w-md">
      <Suspense fallback={<p role="status">Loading…</p>}>
        <Unsubscribe searchParams={searchParams} />
      </Suspense>
    </div>
  );
}

async function Unsubscribe({ searchParams }: Props) {
  const { token } = await searchParams;
  if (typeof token !== "string" || !verifyUnsubscribeToken(token)) {
    return (
      <>
        <h1 className="text-2xl font-bold tracking-tight">This unsubscribe link is not valid</h1>
        <p className="mt-3 text-stone-700 dark:text-stone-300">
          Nothing was changed. The link may be cut short (copy all of it from the email) or out of date. You can also
          turn email off in{" "}
          <Link href={accountPath()} className="font-medium text-amber-800 hover:underline dark:text-amber-300">
            your account
          </Link>
          .
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Stop email from Debate Commons?</h1>
      <p className="mt-3 text-stone-700 dark:text-stone-300">
        You will get no more notification emails or digests. Your notifications stay on the site.
      </p>
      <form method="post" action={unsubscribeApi(token)} className="mt-6">
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <input type="hidden" name="from" value="page" />
        <button
          type="submit"
          className="rounded-md bg-stone-800 px-4 py-2 font-medium text-white hover:bg-stone-900 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-600 dark:bg-stone-200 dark:text-stone-900 dark:hover:bg-white"
        >
          Stop all email
        </button>
      </form>
    </>
  );
}
