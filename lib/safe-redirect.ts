/** True for a path a browser resolves on this site: one leading slash, not "//" or "/\" (another host). */
const isSameSitePath = (path: string) => path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\");

/**
 * A same-site path to return to after signing in, or the fallback. Only paths on this site are
 * followed: absolute URLs, protocol-relative ("//evil") and backslash tricks are refused. The
 * check applies to the value returned, after normalisation, as well as to the one received:
 * "/.//evil" and "/%2e//evil" only become "//evil" once their dots are resolved.
 */
export function safeCallbackPath(raw: string | null | undefined, fallback = "/"): string {
  if (!raw || !isSameSitePath(raw)) return fallback;
  try {
    const url = new URL(raw, "http://same.invalid");
    if (url.origin !== "http://same.invalid") return fallback;
    if (url.pathname.startsWith("/api/")) return fallback;
    const path = `${url.pathname}${url.search}${url.hash}`;
    return isSameSitePath(path) ? path : fallback;
  } catch {
    return fallback;
  }
}
