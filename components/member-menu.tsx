"use client";

import type { Session } from "next-auth";
import Link from "@/components/link";
import { usePathname } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { item, Menu, SiteLinks } from "@/components/header-menu";
import { signOut } from "@/components/sign-out";
import { initialActionState } from "@/lib/action-state";
import { accountPath, membersPath, newDebatePath, reportsPath } from "@/lib/paths";
import { isStaff } from "@/lib/roles";
import { signOutEverywhereAction } from "@/server/actions/account";
import { ChevronDownIcon, MenuIcon } from "./icons";

/**
 * A signed-in member's menu in the header (components/account-menu.tsx loads it only for them):
 * the site's links, their account, the staff's pages for staff, and signing out.
 */
export function MemberMenu({ user }: { user: Session["user"] }) {
  const { name } = user;
  return (
    <Menu
      label={`Account menu for ${name}`}
      button={
        <>
          <MenuIcon className="h-5 w-5 sm:hidden" />
          {/* One line whatever the name's length: the full name is in the menu. */}
          <span className="hidden max-w-[10rem] truncate sm:inline">{name}</span>
          <ChevronDownIcon className="hidden h-4 w-4 sm:inline-block" />
        </>
      }
    >
      <>
        <SiteLinks />
        <p className="break-words px-2 py-1 text-xs text-stone-600 dark:text-stone-400">Signed in as {name}</p>
        <Link href={accountPath()} className={item}>
          Your account
        </Link>
        {isStaff(user) && (
          <>
            <Link href={reportsPath()} className={item}>
              Reports
            </Link>
            <Link href={membersPath()} className={item}>
              Members
            </Link>
            <Link href={newDebatePath()} className={item}>
              Open a debate
            </Link>
          </>
        )}
        <SignOutButtons />
      </>
    </Menu>
  );
}

function SignOutButtons() {
  const pathname = usePathname();
  const [everywhere, signOutEverywhere, pending] = useActionState(signOutEverywhereAction, initialActionState);
  const [signOutError, setSignOutError] = useState<string | null>(null);

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

  return (
    <>
      <button type="button" onClick={() => void signOutHere()} className={`${item} w-full text-left`}>
        Sign out
      </button>
      <form action={signOutEverywhere}>
        <button type="submit" disabled={pending} className={`${item} w-full text-left disabled:opacity-60`}>
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
    </>
  );
}
