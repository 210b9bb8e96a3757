// How long a signed-in session lasts. A week unused ends it: a member who reads weekly stays signed
// in, while a cookie left on a shared or stolen device dies within the week. Two weeks after
// signing in it ends however busy it is, so a copied cookie that its thief keeps using still dies,
// at the cost of typing the password twice a month.

const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** Unused for this long, a session ends. */
export const SESSION_IDLE_MS = 7 * DAY_MS;
/** This long after signing in, a session ends however it is used (next-auth's maxAge too). */
export const SESSION_LIFETIME_MS = 14 * DAY_MS;
/**
 * A session's last use is written at most this often: one write per active session per five
 * minutes, not one per request; an idle timeout of a week may come five minutes early.
 */
export const SESSION_TOUCH_MS = 5 * MINUTE_MS;

type Times = { lastSeenAt: Date; expiresAt: Date };

/** When a session that starts now must end whatever happens. */
export function sessionExpiry(now: Date): Date {
  return new Date(now.getTime() + SESSION_LIFETIME_MS);
}

/** Sessions last used at or before this have been idle too long. */
export function idleCutoff(now: Date): Date {
  return new Date(now.getTime() - SESSION_IDLE_MS);
}

/** True when the session has ended: past its absolute lifetime, or unused for too long. */
export function sessionEnded({ lastSeenAt, expiresAt }: Times, now: Date): boolean {
  return expiresAt <= now || lastSeenAt <= idleCutoff(now);
}

/** True when this use should be written down as the session's last. */
export function sessionNeedsTouch({ lastSeenAt }: Pick<Times, "lastSeenAt">, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= SESSION_TOUCH_MS;
}
