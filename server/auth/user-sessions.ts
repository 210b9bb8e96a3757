import "server-only";
import { idleCutoff, sessionEnded, sessionExpiry, sessionNeedsTouch } from "@/lib/rules/session-lifetime";
import { db, type DbTx } from "../db";

// The UserSession table: one row per signed-in browser, named by the `sid` its JWT carries.
// A session is alive while its row is there and neither deadline has passed.

/**
 * Ended rows deleted per sign-in, at most: bounded work, and the ended rows drain a hundred times
 * faster than sign-ins add rows (a row met after it ended is deleted there and then).
 */
const PRUNE_BATCH = 100;

const endedWhere = (now: Date) => ({ OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: idleCutoff(now) } }] });

/** The fields of a user that a checked session hands the server (SessionUser). */
export const SESSION_USER_FIELDS = {
  id: true,
  name: true,
  role: true,
  createdAt: true,
  suspendedUntil: true,
  bannedAt: true,
  suspendReason: true,
} as const;

/** Starts a session for a user who has just signed in; returns its id, for the JWT. */
export async function startSession(userId: string, now = new Date()): Promise<string> {
  await db.userSession.deleteMany({ where: endedWhere(now), limit: PRUNE_BATCH });
  const session = await db.userSession.create({
    data: { userId, createdAt: now, lastSeenAt: now, expiresAt: sessionExpiry(now) },
    select: { id: true },
  });
  return session.id;
}

/**
 * The live session `sessionId` of `userId`, with what the request needs of the user; null when it
 * has ended, was revoked or belongs to someone else. An ended row is deleted when met; a use is
 * written down at most once per SESSION_TOUCH_MS.
 */
export async function findLiveSession(userId: string, sessionId: string, now = new Date()) {
  const session = await db.userSession.findUnique({
    where: { id: sessionId },
    select: {
      userId: true,
      lastSeenAt: true,
      expiresAt: true,
      user: { select: { ...SESSION_USER_FIELDS, importKey: true } },
    },
  });
  if (!session || session.userId !== userId) return null;
  if (sessionEnded(session, now)) {
    await db.userSession.deleteMany({ where: { id: sessionId, ...endedWhere(now) } }).catch(() => {});
    return null;
  }
  if (sessionNeedsTouch(session, now)) {
    // A busy database must not sign anyone out or fail their request: the next use tries again.
    await db.userSession
      .updateMany({ where: { id: sessionId, lastSeenAt: session.lastSeenAt }, data: { lastSeenAt: now } })
      .catch(() => {});
  }
  return session.user;
}

/** Ends one session (sign-out). Throws when the database fails, so the caller can say so. */
export async function endSession(sessionId: string): Promise<void> {
  await db.userSession.deleteMany({ where: { id: sessionId } });
}

/** Ends every session of a user but `except` (sign out everywhere, password change, ban), inside the caller's write. */
export async function endSessionsOf(tx: DbTx, userId: string, { except }: { except?: string } = {}): Promise<void> {
  await tx.userSession.deleteMany({ where: { userId, ...(except && { id: { not: except } }) } });
}
