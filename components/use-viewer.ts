"use client";

import type { Viewer } from "@/lib/permissions";
import { useSession } from "./session";

/** Who is signed in, as lib/permissions.ts sees them; `loading` until the session is known. */
export function useViewer(): { viewer: Viewer; loading: boolean } {
  const { data: session, status } = useSession();
  if (status !== "authenticated") return { viewer: null, loading: status === "loading" };
  const { id, role, restriction } = session.user;
  return { viewer: { id, role, restriction }, loading: false };
}
