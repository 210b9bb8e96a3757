import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { Suspense, type ReactNode } from "react";
import { AccountMenu } from "@/components/account-menu";
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
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-stone-900"
          >
            Skip to content
          </a>
          <header className="border-b border-stone-200 bg-white/80 dark:border-stone-800 dark:bg-stone-900/80">
            <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
              <Link href={homePath()} className="text-lg font-semibold tracking-tight">
                Debate <span className="text-amber-700 dark:text-amber-400">Commons</span>
              </Link>
              {/* A row of its own on a phone; beside the name from the sm breakpoint on. */}
              <SearchBox className="order-last w-full sm:order-none sm:w-auto sm:max-w-xs sm:flex-1" />
              <div className="flex items-center gap-4">
                <nav aria-label="Site">
                  <ul className="flex gap-4 text-sm">
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
                <nav aria-label="Account" className="flex items-center gap-2">
                  {/* Per-user and per-URL: never part of the cached shell. */}
                  <Suspense fallback={null}>
                    <NotificationBell />
                    <AccountMenu />
                  </Suspense>
                </nav>
              </div>
            </div>
          </header>
          <main id="main" className="mx-auto w-full max-w-4xl flex-1 px-4 py-6 sm:py-8">
            {children}
          </main>
          <footer className="border-t border-stone-200 py-6 text-center text-xs text-stone-500 dark:border-stone-800 dark:text-stone-400">
            Debate Commons · seeded with the P2P Foundation&rsquo;s 2011 debate &ldquo;P2P and Marxism&rdquo;
          </footer>
        </Providers>
      </body>
    </html>
  );
}
