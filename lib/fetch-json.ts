import type { ApiError } from "./views";

export type JsonResult<T> = { ok: true; data: T } | { ok: false; error: string };

/** Calls one of the app's JSON routes from the browser; a refusal comes back as its message. */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<JsonResult<T>> {
  try {
    const response = await fetch(url, { credentials: "same-origin", ...init });
    const body = (await response.json().catch(() => null)) as T | ApiError | null;
    if (response.ok && body !== null) return { ok: true, data: body as T };
    return { ok: false, error: (body as ApiError | null)?.error ?? "Something went wrong. Please try again." };
  } catch {
    return { ok: false, error: "The site could not be reached. Check your connection and try again." };
  }
}
