"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut, useSession } from "next-auth/react";
import { useActionState, useCallback, useEffect, useId, useRef, useState } from "react";
import { useDismiss } from "@/components/use-dismiss";
import { initialActionState } from "@/lib/action-state";
import { accountPath, membersPath, newDebatePath, reportsPath, signInPath, signUpPath } from "@/lib/paths";
import { isStaff } from "@/lib/permissions";
import { signOutEverywhereAction } from "@/server/actions/account";

export function AccountMenu() {
  const { data: session, status } = useSession();
  const pathname = usePathname();
  const [everywhere, signOutEverywhere, pending] = useActionState(signOutEverywhereAction, initialActionState);
  const [open, setOpen] = useState(false);
  const closeMenu = useCallback(() => setOpen(false), []);
  const [signOutError, setSignOutError] = useState<string | null>(null);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);

  useDismiss(open, closeMenu, rootRef);

  useEffect(() => {
    if (everywhere.ok) void signOut({ callbackUrl: pathname });
  }, [everywhere.ok, pathname]);

  // The server ends the session before the cookie goes; when it cannot, it says so and nothing
  // here pretends otherwise.
  async function signOutHere() {
    setSignOutError(null);
    const answer = (await signOut({ redirect: false, callbackUrl: pathname }).catch(() => ({
      error: "Signing out did not go through. Check your connection and try again.",
    }))) as { url?: string; error?: string };
    if (answer.error) setSignOutError(answer.error);
    else window.location.assign(answer.url ?? pathname);
  }

  if (status === "loading")
    return (
      <span className="text-sm text-stone-500" aria-hidden="true">
        …
      </span>
    );
  if (!session?.user) {
    const returnTo = pathname.startsWith("/sign-") ? "/" : pathname;
    return (
      <ul className="flex items-center gap-3 text-sm">
        <li>
          <Link href={signInPath(returnTo)} className="hover:underline">
            Sign in
          </Link>
        </li>
        <li>
          <Link
            href={signUpPath(returnTo)}
            className="rounded bg-amber-700 px-3 py-1.5 font-medium text-white hover:bg-amber-800"
          >
            Sign up
          </Link>
        </li>
      </ul>
    );
  }
  return (
    <div ref={rootRef} className="relative text-sm">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={`Account menu for ${session.user.name}`}
        onClick={() => setOpen((o) => !o)}
        className="rounded px-2 py-1 hover:bg-stone-100 dark:hover:bg-stone-800"
      >
        {session.user.name} <span aria-hidden="true">▾</span>
      </button>
      <div
        id={menuId}
        hidden={!open}
        className="absolute right-0 z-20 mt-1 w-56 rounded-md border border-stone-200 bg-white p-2 shadow-lg dark:border-stone-700 dark:bg-stone-900"
      >
        <p className="px-2 py-1 text-xs text-stone-500">Signed in as {session.user.name}</p>
        <Link
          href={accountPath()}
          onClick={() => setOpen(false)}
          className="block rounded px-2 py-1.5 hover:bg-stone-100 dark:hover:bg-stone-800"
        >
          Your account
        </Link>
        {isStaff(session.user) && (
          <>
            <Link
              href={reportsPath()}
              onClick={() => setOpen(false)}
              className="block rounded px-2 py-1.5 hover:bg-stone-100 dark:hover:bg-stone-800"
            >
              Reports
            </Link>
            <Link
              href={membersPath()}
              onClick={() => setOpen(false)}
              className="block rounded px-2 py-1.5 hover:bg-stone-100 dark:hover:bg-stone-800"
            >
              Members
            </Link>
            <Link
              href={newDebatePath()}
              onClick={() => setOpen(false)}
              className="block rounded px-2 py-1.5 hover:bg-stone-100 dark:hover:bg-stone-800"
            >
              Open a debate
            </Link>
          </>
        )}
        <button
          type="button"
          onClick={() => void signOutHere()}
          className="block w-full rounded px-2 py-1.5 text-left hover:bg-stone-100 dark:hover:bg-stone-800"
        >
          Sign out
        </button>
        <form action={signOutEverywhere}>
          <button
            type="submit"
            disabled={pending}
            className="block w-full rounded px-2 py-1.5 text-left hover:bg-stone-100 disabled:opacity-60 dark:hover:bg-stone-800"
          >
            {pending ? "Signing out everywhere…" : "Sign out everywhere"}
          </button>
        </form>
        {signOutError && (
          <p role="alert" className="px-2 text-xs text-red-700 dark:text-red-400">
            {signOutError}
          </p>
        )}
        {everywhere.message && !everywhere.ok && (
          <p className="px-2 text-xs text-red-700 dark:text-red-400">{everywhere.message}</p>
        )}
      </div>
    </div>
  );
}
