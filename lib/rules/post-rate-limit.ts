/** How young an account is "new": stricter limits apply until then. */
export const NEW_ACCOUNT_MS = 24 * 60 * 60 * 1000;

type Window = { seconds: number; max: number };

export const POSTING_LIMITS: { established: Window[]; newAccount: Window[] } = {
  established: [
    { seconds: 60, max: 5 },
    { seconds: 60 * 60, max: 60 },
  ],
  // A newcomer's first minute is when they try the site: a contribution, a reply and a quote-reply
  // must all go through (3 a minute). Spam stays bounded by the hour: 10 posts in any hour of the
  // first day, and server/posts/address-posting-limit.ts makes every young account signed up from
  // one address share these same 3 and 10, so fresh accounts cannot multiply them (and sign-up lets
  // an address make 3 accounts an hour, 10 a day). A spammer's first day from one address is thus
  // at most 10 posts an hour, 3 of them in any minute; a moderator sees them in the log and the queue.
  newAccount: [
    { seconds: 60, max: 3 },
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
