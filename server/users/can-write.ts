import "server-only";
import type { SessionUser } from "../auth/session";
import { AppError } from "../errors";

type Restricted = Pick<SessionUser, "bannedAt" | "suspendedUntil" | "suspendReason">;

/** Why this member may not write now, in words for them; null when they may. */
export function restrictionMessage(user: Restricted, now = new Date()): string | null {
  const why = user.suspendReason ? `: ${user.suspendReason}` : ".";
  if (user.bannedAt) return `Your account is banned${why}`;
  if (user.suspendedUntil && user.suspendedUntil > now)
    return `Your account is suspended until ${user.suspendedUntil.toUTCString()}${why}`;
  return null;
}

/** Suspended and banned members can still read, but not post, reply, edit or report. */
export function assertCanWrite(user: Restricted, now = new Date()): void {
  const message = restrictionMessage(user, now);
  if (message) throw new AppError("FORBIDDEN", message);
}
