"use client";

import { SessionProvider } from "next-auth/react";
import type { ReactNode } from "react";

/**
 * Pages are served whole from the cache, the same for everyone; who is signed in is asked of
 * /api/auth/session from the browser (which re-checks the session against the database), and
 * only the small per-user parts (account menu, forms, post actions) depend on it.
 */
export function Providers({ children }: { children: ReactNode }) {
  return <SessionProvider refetchOnWindowFocus>{children}</SessionProvider>;
}
