"use client";

import { lazyComponent } from "@/components/lazy-component";
import Link from "@/components/link";
import { usePathname } from "next/navigation";
import { lazy, Suspense, type ReactNode } from "react";
import { MenuButton, SIGN_UP_CLASS } from "./menu-button";
import { useSession } from "@/components/session";
import { signInPath, signUpPath } from "@/lib/shell-paths";

// A signed-in member's menu (their links, staff links, signing out) is loaded only once the
// session says someone is signed in: a reader never downloads it. The session is only known in
// the browser, so nothing is lost by not rendering it on the server.
const MemberMenu = lazyComponent(() => import("./member-menu").then((m) => m.MemberMenu), <MenuPlaceholder />);

// On a phone, a signed-out visitor's menu (site links, signing in and up) is loaded when its button
// is first pressed (or a pointer or focus comes near it): most readers never open it.
const loadSignedOutMenu = () => import("./signed-out-menu");
const SignedOutMenu = lazy(() => loadSignedOutMenu().then((m) => ({ default: m.SignedOutMenu })));

/**
 * The header's one menu button and what it holds: the site's links (inline from the md
 * breakpoint on), signing in and up (inline from sm on), and a signed-in member's account links.
 * On a phone, everything but the logo, search and bell lives here, so the header fits 320 px.
 * `menuIcon` is drawn on the server: no icon code in the page's script.
 */
export function AccountMenu({ menuIcon }: { menuIcon: ReactNode }) {
  const { data: session, status } = useSession();
  const pathname = usePathname();

  if (status === "loading") return <MenuPlaceholder />;
  if (session?.user) return <MemberMenu user={session.user} />;
  const returnTo = pathname.startsWith("/sign-") ? "/" : pathname;
  return (
    <>
      <ul className="hidden items-center gap-3 text-sm sm:flex">
        <li>
          <Link href={signInPath(returnTo)} className="whitespace-nowrap hover:underline">
            Sign in
          </Link>
        </li>
        <li>
          <Link href={signUpPath(returnTo)} className={SIGN_UP_CLASS}>
            Sign up
          </Link>
        </li>
      </ul>
      <MenuButton
        label="Menu"
        className="md:hidden"
        button={menuIcon}
        warm={() => void loadSignedOutMenu()}
        menu={(closed) => (
          <Suspense fallback={closed}>
            <SignedOutMenu menuIcon={menuIcon} returnTo={returnTo} />
          </Suspense>
        )}
      />
    </>
  );
}

/** The same width as the button, so the header does not move when the session arrives. */
export function MenuPlaceholder() {
  return <span aria-hidden="true" className="inline-block h-8 w-8" />;
}
