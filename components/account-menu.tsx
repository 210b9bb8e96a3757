"use client";

import { lazyComponent } from "@/components/lazy-component";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { HoverPrefetchLink } from "@/components/hover-prefetch-link";
import { Menu, SiteLinks } from "@/components/header-menu";
import { useSession } from "@/components/session";
import { signInPath, signUpPath } from "@/lib/paths";
import { MenuIcon } from "./icons";

const signUpClass =
  "inline-block whitespace-nowrap rounded bg-amber-700 px-3 py-1.5 font-medium text-white hover:bg-amber-800";

// A signed-in member's menu (their links, staff links, signing out) is loaded only once the
// session says someone is signed in: a reader never downloads it. The session is only known in
// the browser, so nothing is lost by not rendering it on the server.
const MemberMenu = lazyComponent(() => import("./member-menu").then((m) => m.MemberMenu), <MenuPlaceholder />);

/**
 * The header's one menu button and what it holds: the site's links (inline from the md
 * breakpoint on), signing in and up (inline from sm on), and a signed-in member's account links.
 * On a phone, everything but the logo, search and bell lives here, so the header fits 320 px.
 */
export function AccountMenu() {
  const { data: session, status } = useSession();
  const pathname = usePathname();

  if (status === "loading") return <MenuPlaceholder />;
  if (session?.user) return <MemberMenu user={session.user} />;
  const returnTo = pathname.startsWith("/sign-") ? "/" : pathname;
  // Signing in and up are prefetched on hover or focus only: a reader seldom follows them at once,
  // and prefetching them on sight would download their forms' JavaScript on every first visit.
  return (
    <>
      <ul className="hidden items-center gap-3 text-sm sm:flex">
        <li>
          <HoverPrefetchLink href={signInPath(returnTo)} className="whitespace-nowrap hover:underline">
            Sign in
          </HoverPrefetchLink>
        </li>
        <li>
          <HoverPrefetchLink href={signUpPath(returnTo)} className={signUpClass}>
            Sign up
          </HoverPrefetchLink>
        </li>
      </ul>
      <Menu label="Menu" className="md:hidden" button={<MenuIcon className="h-5 w-5" />}>
        <>
          <SiteLinks />
          <div className="mt-2 flex items-center gap-3 border-t border-stone-200 px-2 pt-3 dark:border-stone-700 sm:hidden">
            <Link href={signInPath(returnTo)} className="whitespace-nowrap hover:underline">
              Sign in
            </Link>
            <Link href={signUpPath(returnTo)} className={signUpClass}>
              Sign up
            </Link>
          </div>
        </>
      </Menu>
    </>
  );
}

/** The same width as the button, so the header does not move when the session arrives. */
export function MenuPlaceholder() {
  return <span aria-hidden="true" className="inline-block h-8 w-8" />;
}
