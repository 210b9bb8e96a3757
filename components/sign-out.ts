"use client";

import { NEXTAUTH_MESSAGE } from "./session";

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
