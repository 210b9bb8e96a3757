import "server-only";
import { createHash } from "node:crypto";
import { ATOM_CONTENT_TYPE, renderAtom } from "./atom";
import type { FeedData } from "./get-feed";

/**
 * A feed's answer. Built per request from the cached read (server/cache/reads.ts), so a new post
 * is in it at the next request. Feed readers poll: an ETag of the document lets them get a 304
 * until it changes (the page cache's ETags are off for pages' nonces; a feed has no script).
 */
export function atomResponse(request: Request, feed: FeedData, selfPath: string): Response {
  const body = renderAtom(feed, selfPath);
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  const headers = {
    "content-type": ATOM_CONTENT_TYPE,
    // Readers and proxies may keep a copy but must ask again each time (a new post shows at once).
    "cache-control": "public, no-cache",
    etag,
  };
  const wanted = request.headers.get("if-none-match");
  if (wanted && wanted.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status: 200, headers });
}

/** An unknown debate, subheading or thread. */
export function feedNotFound(what: string): Response {
  return new Response(`No such ${what}.\n`, {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "public, no-cache" },
  });
}

/** Another feed answers this one (a renamed subheading, a reply's thread). */
export function feedRedirect(path: string, permanent: boolean): Response {
  return new Response(null, { status: permanent ? 308 : 307, headers: { location: path } });
}
