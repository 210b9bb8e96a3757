/** How young an account is "new": stricter limits apply until then. */
export const NEW_ACCOUNT_MS = 24 * 60 * 60 * 1000;

type Window = { seconds: number; max: number };

export const POSTING_LIMITS: { established: Window[]; newAccount: Window[] } = {
  established: [
    { seconds: 60, max: 5 },
    { seconds: 60 * 60, max: 60 },
  ],
  // A newcomer may still post a contribution and reply to someone within the same minute.
  newAccount: [
    { seconds: 60, max: 2 },
    { seconds: 60 * 60, max: 10 },
  ],
};

/** The longest window any limit looks back over: how far back the caller must load posts. */
export const POSTING_LOOKBACK_MS = 60 * 60 * 1000;

/**
 * Seconds until this user may post again, or null if they may now. `recent` holds the times of
 * their posts within POSTING_LOOKBACK_MS, any order.
 */
export function postingRetryAfter({
  now,
  accountCreatedAt,
  recent,
}: {
  now: Date;
  accountCreatedAt: Date;
  recent: Date[];
}): number | null {
  const isNew = now.getTime() - accountCreatedAt.getTime() < NEW_ACCOUNT_MS;
  const windows = isNew ? POSTING_LIMITS.newAccount : POSTING_LIMITS.established;
  const times = recent.map((d) => d.getTime()).sort((a, b) => b - a); // newest first
  let wait = 0;
  for (const window of windows) {
    const since = now.getTime() - window.seconds * 1000;
    const inWindow = times.filter((t) => t > since);
    if (inWindow.length >= window.max) {
      // The oldest post that still counts must leave the window first.
      const oldestCounted = inWindow[window.max - 1]!;
      wait = Math.max(wait, Math.ceil((oldestCounted + window.seconds * 1000 - now.getTime()) / 1000));
    }
  }
  return wait > 0 ? wait : null;
}
