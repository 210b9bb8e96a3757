import type { ReactNode } from "react";

/**
 * Pages are served whole from the cache, the same for everyone; who is signed in is asked of
 * /api/auth/session from the browser by one small shared store (components/session.ts), and only
 * the small per-user parts (account menu, forms, post actions) depend on it. Nothing to provide:
 * this stays a server component and ships no script.
 */
export function Providers({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
