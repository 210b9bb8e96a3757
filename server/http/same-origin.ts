import "server-only";

/**
 * True when a state-changing request comes from a page of this site. A missing Origin is
 * refused: every browser sends one on POST, so only scripts and forged requests lack it.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host.split(",")[0]!.trim();
  } catch {
    return false;
  }
}
