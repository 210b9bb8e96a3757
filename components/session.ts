"use client";

import type { Session } from "next-auth";
import { useSyncExternalStore } from "react";

/**
 * Who is signed in, for the client components of cached pages: one shared store that asks
 * /api/auth/session (which re-checks the session against the database) once per page load, again
 * when the tab becomes visible, and when a sign-in or sign-out says so. It replaces next-auth's
 * SessionProvider and its client library (about 10 KB of script on every page); only the sign-in
 * and sign-up forms still import `next-auth/react`, for its signIn().
 */
export type SessionState =
  { data: Session; status: "authenticated" } | { data: null; status: "loading" | "unauthenticated" };

const LOADING: SessionState = { data: null, status: "loading" };
const SIGNED_OUT: SessionState = { data: null, status: "unauthenticated" };
/** next-auth's own cross-tab message (its signIn/signOut write it to localStorage). */
const NEXTAUTH_MESSAGE = "nextauth.message";

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

/** Tells other tabs (their store listens) that the session changed, as next-auth's client does. */
function tellOtherTabs() {
  try {
    localStorage.setItem(
      NEXTAUTH_MESSAGE,
      JSON.stringify({ event: "session", data: { trigger: "signout" }, timestamp: Math.floor(Date.now() / 1000) }),
    );
  } catch {
    // Storage may be off (private mode): the other tabs catch up when they are next shown.
  }
}

/**
 * Signs out through next-auth's own endpoint (its CSRF token, then POST /api/auth/signout), as
 * `next-auth/react`'s signOut() does, without shipping that library. Answers `{ url }`, or
 * `{ error }` when the server could not end the session (app/api/auth/[...nextauth]/route.ts).
 * With `redirect` (the default) it then goes to the answer's URL; without, the caller goes
 * somewhere itself (a full page load, which asks who is signed in afresh), so this page's
 * components keep showing the member until it leaves rather than flashing the signed-out header.
 */
export async function signOut({
  callbackUrl = window.location.href,
  redirect = true,
}: { callbackUrl?: string; redirect?: boolean } = {}): Promise<{ url?: string; error?: string }> {
  const csrf = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken?: string };
  const response = await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken: csrf.csrfToken ?? "", callbackUrl, json: "true" }),
  });
  const answer = (await response.json().catch(() => ({}))) as { url?: string; error?: string };
  if (!response.ok) return { error: answer.error ?? "Signing out did not go through. Try again in a moment." };
  tellOtherTabs();
  if (redirect) {
    const url = answer.url ?? callbackUrl;
    window.location.href = url;
    if (url.includes("#")) window.location.reload();
  }
  return answer;
}
