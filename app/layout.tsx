import type { Metadata, Viewport } from "next";
import { Suspense, type ReactNode } from "react";
import { AccountMenu, MenuPlaceholder } from "@/components/account-menu";
import Link from "@/components/link";
import { KeyboardShortcuts } from "@/components/keyboard-shortcuts";
import { MenuIcon } from "@/components/icons";
import { LocalTimes } from "@/components/local-times";
import { NotificationBell } from "@/components/notification-bell";
import { Providers } from "@/components/providers";
import { SearchBox } from "@/components/search-box";
import { homePath, moderationLogPath } from "@/lib/paths";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Debate Commons", template: "%s · Debate Commons" },
  description: "Structured debates where every contribution sits under the subheading it speaks to.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafaf9" },
    { media: "(prefers-color-scheme: dark)", color: "#0c0a09" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col font-sans">
        <Providers>
          <a href="#main" className="skip-link">
            Skip to content
          </a>
          {/* The shell's looks are named in app/globals.css: every page carries this markup twice
              (its HTML and its inline payload). Phone first: logo, search (an icon button below sm), the bell and one menu button fit
              320 px; wider screens show the site's links and signing in inline (account-menu.tsx). */}
          <header className="site-header">
            <div>
              <Link href={homePath()} className="shrink-0 whitespace-nowrap text-lg font-semibold tracking-tight">
                Debate <span className="text-amber-700 dark:text-amber-400">Commons</span>
              </Link>
              <div className="flex min-w-0 items-center gap-1 sm:gap-3">
                <SearchBox />
                <nav aria-label="Site" className="hidden md:block">
                  <ul className="flex gap-4 whitespace-nowrap text-sm">
                    <li>
                      <Link href={homePath()} className="hover:underline">
                        Debates
                      </Link>
                    </li>
                    <li>
                      <Link href={moderationLogPath()} className="hover:underline">
                        Moderation log
                      </Link>
                    </li>
                  </ul>
                </nav>
                <nav aria-label="Account" className="flex items-center gap-1 sm:gap-2">
                  {/* Per-user and per-URL: never part of the cached shell. */}
                  <Suspense fallback={<MenuPlaceholder />}>
                    <NotificationBell />
                    <AccountMenu menuIcon={<MenuIcon className="h-5 w-5" />} />
                  </Suspense>
                </nav>
              </div>
            </div>
          </header>
          <main id="main" className="mx-auto w-full max-w-4xl flex-1 px-4 py-6 sm:py-8">
            {children}
          </main>
          {/* The one client component that shows every date in the reader's locale and zone. */}
          <LocalTimes />
          {/* j/k/r/q, / and ? (the ? key lists them): one document listener for the whole site. */}
          <KeyboardShortcuts />
          <footer className="site-footer">
            Debate Commons · seeded with the P2P Foundation&rsquo;s 2011 debate &ldquo;P2P and Marxism&rdquo;
          </footer>
        </Providers>
      </body>
    </html>
  );
}
