import "server-only";
import { headers, cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { isSameOriginHeaders } from "../http/same-origin";
import { restrictionOf, type Viewer } from "@/lib/permissions";
import type { Role } from "@/generated/prisma/enums";

export type SessionUser = {
  id: string;
  name: string;
  role: Role;
  createdAt: Date;
  suspendedUntil: Date | null;
  bannedAt: Date | null;
  suspendReason: string | null;
};

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/**
 * The user a JWT names, if the token is still current: every sign-out-everywhere, password
 * change or ban bumps the user's sessionVersion, and tokens carrying an older one stop working
 * on their next request.
 */
export async function loadSessionUser(userId: unknown, sessionVersion: unknown): Promise<SessionUser | null> {
  if (typeof userId !== "string" || typeof sessionVersion !== "number") return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      role: true,
      createdAt: true,
      suspendedUntil: true,
      bannedAt: true,
      suspendReason: true,
      sessionVersion: true,
      importKey: true,
    },
  });
  if (!user || user.sessionVersion !== sessionVersion || user.importKey !== null) return null;
  const { sessionVersion: _v, importKey: _k, ...rest } = user;
  return rest;
}

/** The session user as lib/permissions.ts sees them. */
export function viewerOf(user: SessionUser | null, now = new Date()): Viewer {
  return user ? { id: user.id, role: user.role, restriction: restrictionOf(user, now) } : null;
}

/** The signed-in user of this request, checked against the database; null when signed out. */
export async function getCurrentUser(): Promise<SessionUser | null> {
  if (!env.NEXTAUTH_SECRET) return null;
  const store = await cookies();
  const raw = SESSION_COOKIES.map((name) => store.get(name)?.value).find(Boolean);
  if (!raw) return null;
  const token = await decode({ token: raw, secret: env.NEXTAUTH_SECRET }).catch(() => null);
  return token ? loadSessionUser(token.uid, token.sv) : null;
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
