import "server-only";
import { env } from "../env";

/**
 * The site's public origin, from configuration (NEXTAUTH_URL, which env.ts defaults to
 * http://localhost:$PORT), never from a request's Host header: feeds and emails carry absolute
 * links that must not point wherever a client said it was.
 */
export function siteOrigin(): string {
  return new URL(process.env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`).origin;
}

/** An absolute URL on this site for an app path (lib/paths.ts). */
export function siteUrl(path: string): string {
  return new URL(path, siteOrigin()).toString();
}
