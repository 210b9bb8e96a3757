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
