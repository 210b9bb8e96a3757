"use client";

import type { ReactNode } from "react";
import Link from "@/components/link";
import { Menu, SiteLinks } from "@/components/header-menu";
import { signInPath, signUpPath } from "@/lib/shell-paths";
import { SIGN_UP_CLASS } from "./menu-button";

/**
 * A signed-out visitor's menu on a phone: the site's links, signing in and up. Loaded by the
 * first press of its button (components/account-menu.tsx): most readers never open it.
 */
export function SignedOutMenu({ menuIcon, returnTo }: { menuIcon: ReactNode; returnTo: string }) {
  return (
    <Menu label="Menu" className="md:hidden" button={menuIcon} initiallyOpen>
      <SiteLinks />
      <div className="mt-2 flex items-center gap-3 border-t border-stone-200 px-2 pt-3 dark:border-stone-700 sm:hidden">
        <Link href={signInPath(returnTo)} className="whitespace-nowrap hover:underline">
          Sign in
        </Link>
        <Link href={signUpPath(returnTo)} className={SIGN_UP_CLASS}>
          Sign up
        </Link>
      </div>
    </Menu>
  );
}
