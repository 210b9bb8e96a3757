import "server-only";
import { headers, cookies } from "next/headers";
import { decode, type JWT } from "next-auth/jwt";
import { env } from "../env";
import { AppError } from "../errors";
import { isSameOriginHeaders } from "../http/same-origin";
import { restrictionOf, type Viewer } from "@/lib/permissions";
import type { Role } from "@/generated/prisma/enums";
import { endSession, findLiveSession } from "./user-sessions";

export type SessionUser = {
  id: string;
  name: string;
  role: Role;
  createdAt: Date;
  suspendedUntil: Date | null;
  bannedAt: Date | null;
  suspendReason: string | null;
  /** The session this request came with (absent for a user made outside a request). */
  sessionId?: string;
};

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/**
 * The user a JWT names, if its session is still live: signing out, signing out everywhere, a
 * password change (other sessions) or a ban delete the session's row, and a week unused or two
 * weeks in all end it (lib/rules/session-lifetime.ts); the token stops working on its next use.
 */
export async function loadSessionUser(userId: unknown, sessionId: unknown): Promise<SessionUser | null> {
  if (typeof userId !== "string" || typeof sessionId !== "string") return null;
  const user = await findLiveSession(userId, sessionId);
  if (!user || user.importKey !== null) return null;
  const { importKey: _k, ...rest } = user;
  return { ...rest, sessionId };
}

/** The session user as lib/permissions.ts sees them. */
export function viewerOf(user: SessionUser | null, now = new Date()): Viewer {
  return user ? { id: user.id, role: user.role, restriction: restrictionOf(user, now) } : null;
}

/** The signed-in user of this request, checked against the database; null when signed out. */
export async function getCurrentUser(): Promise<SessionUser | null> {
  const token = await requestToken();
  return token ? loadSessionUser(token.uid, token.sid) : null;
}

/**
 * Deletes the session of this request's cookie, before next-auth clears the cookie: a failure
 * throws, so sign-out can say so instead of leaving a copied cookie alive.
 */
export async function endCurrentSession(): Promise<void> {
  const token = await requestToken();
  if (typeof token?.sid === "string") await endSession(token.sid);
}

/** The decoded session JWT this request carries, or null. */
async function requestToken(): Promise<JWT | null> {
  if (!env.NEXTAUTH_SECRET) return null;
  const store = await cookies();
  const raw = SESSION_COOKIES.map((name) => store.get(name)?.value).find(Boolean);
  if (!raw) return null;
  return decode({ token: raw, secret: env.NEXTAUTH_SECRET }).catch(() => null);
}

/** Refuses a request whose Origin is missing or another site's. */
export async function requireSameOrigin(): Promise<void> {
  if (!isSameOriginHeaders(await headers())) {
    throw new AppError("FORBIDDEN", "This request did not come from this site, so it was refused.");
  }
}

/** The signed-in user of this request, or UNAUTHENTICATED (an action or route that needs one). */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
  return user;
}
