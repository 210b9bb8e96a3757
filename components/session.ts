"use client";

import type { Session } from "next-auth";
import { useSyncExternalStore } from "react";

/**
 * Who is signed in, for the client components of cached pages: one shared store that asks
 * /api/auth/session (which re-checks the session against the database) once per page load, again
 * when the tab becomes visible, and when a sign-in or sign-out says so. It replaces next-auth's
 * SessionProvider and its client library (about 10 KB of script on every page); only the sign-in
 * and sign-up forms still import `next-auth/react`, for its signIn(). Signing out is in
 * components/sign-out.ts, loaded with the member's menu.
 */
export type SessionState =
  { data: Session; status: "authenticated" } | { data: null; status: "loading" | "unauthenticated" };

const LOADING: SessionState = { data: null, status: "loading" };
const SIGNED_OUT: SessionState = { data: null, status: "unauthenticated" };
/** next-auth's own cross-tab message (its signIn/signOut write it to localStorage). */
export const NEXTAUTH_MESSAGE = "nextauth.message";

let state: SessionState = LOADING;
let started = false;
let inFlight: Promise<void> | null = null;
const listeners = new Set<() => void>();

function publish(next: SessionState) {
  // A fresh object only when something a component shows changed, so nothing re-renders for nothing.
  if (JSON.stringify(next) === JSON.stringify(state)) return;
  state = next;
  for (const listener of listeners) listener();
}

/** Asks the server who is signed in, and tells every component that shows it. */
export function refreshSession(): Promise<void> {
  inFlight ??= fetch("/api/auth/session", { cache: "no-store", credentials: "same-origin" })
    .then(async (response) => {
      if (!response.ok) throw new Error(`session: ${response.status}`);
      const body = (await response.json()) as Partial<Session> | null;
      publish(body?.user ? { data: body as Session, status: "authenticated" } : SIGNED_OUT);
    })
    .catch(() => {
      // Offline or a failing server: keep what we knew, but stop saying "loading".
      if (state.status === "loading") publish(SIGNED_OUT);
    })
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}

function start() {
  if (started) return;
  started = true;
  void refreshSession();
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") void refreshSession();
  });
  window.addEventListener("storage", (event) => {
    if (event.key === NEXTAUTH_MESSAGE) void refreshSession();
  });
}

function subscribe(listener: () => void) {
  start();
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The session as next-auth's useSession() shaped it: `{ data, status }`. */
export function useSession(): SessionState {
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => LOADING,
  );
}
