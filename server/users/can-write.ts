import "server-only";
import type { SessionUser } from "../auth/session";
import { AppError } from "../errors";

/** Suspended and banned members can still read, but not post, reply, edit or report. */
export function assertCanWrite(user: SessionUser, now = new Date()): void {
  if (user.bannedAt) throw new AppError("FORBIDDEN", `Your account is banned${user.suspendReason ? `: ${user.suspendReason}` : "."}`);
  if (user.suspendedUntil && user.suspendedUntil > now) {
    throw new AppError(
      "FORBIDDEN",
      `Your account is suspended until ${user.suspendedUntil.toUTCString()}${user.suspendReason ? `: ${user.suspendReason}` : "."}`,
    );
  }
}
