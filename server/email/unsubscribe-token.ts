import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "../env";

// The one-click unsubscribe link of every email: `<version>.<user id>.<HMAC-SHA256>`, keyed with
// NEXTAUTH_SECRET over the purpose, the version and the user. Anyone holding the link may turn that
// member's email off (and nothing else), which is what an unsubscribe link is for. Raising
// TOKEN_VERSION revokes every link sent so far (so does a new NEXTAUTH_SECRET).

const PURPOSE = "email-unsubscribe";
const TOKEN_VERSION = 1;
const USER_ID = /^[A-Za-z0-9_-]{1,64}$/;

function mac(secret: string, version: number, userId: string): Buffer {
  return createHmac("sha256", secret).update(`${PURPOSE}\n${version}\n${userId}`).digest();
}

/** The token of a member's unsubscribe links. */
export function unsubscribeToken(userId: string, secret = env.NEXTAUTH_SECRET): string {
  if (!secret) throw new Error("NEXTAUTH_SECRET is needed to sign unsubscribe links");
  if (!USER_ID.test(userId)) throw new Error("Not a user id");
  return `${TOKEN_VERSION}.${userId}.${mac(secret, TOKEN_VERSION, userId).toString("base64url")}`;
}

/** The member a token names, when it is one this site signed (and not revoked); else null. */
export function verifyUnsubscribeToken(token: unknown, secret = env.NEXTAUTH_SECRET): string | null {
  if (!secret || typeof token !== "string" || token.length > 200) return null;
  const [version, userId, signature, ...rest] = token.split(".");
  if (rest.length > 0 || version !== String(TOKEN_VERSION) || !userId || !USER_ID.test(userId) || !signature) {
    return null;
  }
  const expected = mac(secret, TOKEN_VERSION, userId);
  const given = Buffer.from(signature, "base64url");
  // Compared in constant time; a signature of the wrong length is refused before (it says nothing).
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  // base64url decoding ignores stray characters: only the exact encoding is accepted.
  if (given.toString("base64url") !== signature) return null;
  return userId;
}
