import "server-only";

/**
 * True when a state-changing request comes from a page of this site. A missing Origin is
 * refused: every browser sends one on POST, so only scripts and forged requests lack it.
 */
export function isSameOriginHeaders(headers: Headers): boolean {
  const origin = headers.get("origin");
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host.split(",")[0]!.trim();
  } catch {
    return false;
  }
}

export function isSameOrigin(request: Request): boolean {
  return isSameOriginHeaders(request.headers);
}

/**
 * True when the browser says this request is a page's own fetch() of this site: Fetch Metadata
 * (Sec-Fetch-Site same-origin, Sec-Fetch-Mode cors or same-origin, Sec-Fetch-Dest empty), which every
 * current browser sends and no page can forge. A header that is absent (an older browser) is not
 * held against the request. A script outside a browser can send any of them: what holds against
 * scripts is a limit per visitor.
 */
export function isSameOriginFetch(request: Request): boolean {
  if (!isSameOrigin(request)) return false;
  const site = request.headers.get("sec-fetch-site");
  const mode = request.headers.get("sec-fetch-mode");
  const dest = request.headers.get("sec-fetch-dest");
  return (
    (site === null || site === "same-origin") &&
    (mode === null || mode === "cors" || mode === "same-origin") &&
    (dest === null || dest === "empty")
  );
}
