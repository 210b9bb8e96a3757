// What a member has not read yet: the JSON the unread route answers (app/api/me/unread), and the
// rule the subheading page uses to decide how far it has shown a member the new posts.

/** GET /api/me/unread?debate=<id>: new posts per subheading, and their sum. */
export type DebateUnread = { subheadings: Record<string, number>; total: number };
/** GET /api/me/unread: new posts per debate (those the home page lists). */
export type HomeUnread = { debates: Record<string, number> };
/** A post new to the member, as the subheading page needs it. */
export type NewPost = { id: string; rootId: string | null; createdAt: string };
/** GET /api/me/unread?subheading=<id>: its new posts, oldest first (`more`: there are others after these). */
export type SubheadingUnread = { since: string; posts: NewPost[]; more: boolean };
/** POST /api/me/read's answer: where the mark now stands. */
export type ReadMarkView = { readAt: string };

/**
 * How far a page has shown the new posts: the time to mark its subheading read up to, or null
 * when it showed none of them. `posts` are the new posts, oldest first; a post counts as shown
 * when its thread is on the page (`isShown(rootId ?? id)`: a reply past the display depth is one
 * "continue this thread" away) and it is no newer than the newest post on the page (`horizon`),
 * so a post made after the page was rendered stays new. The mark stops just before the first
 * new post the page did not show (it lives on another page of the subheading).
 */
export function readUpTo(
  posts: NewPost[],
  isShown: (threadId: string) => boolean,
  horizon: number | null,
): number | null {
  if (horizon === null) return null;
  let upTo: number | null = null;
  for (const post of posts) {
    const at = Date.parse(post.createdAt);
    if (at > horizon) break;
    if (!isShown(post.rootId ?? post.id)) return upTo === null ? null : Math.min(upTo, at - 1);
    upTo = at;
  }
  return upTo;
}
