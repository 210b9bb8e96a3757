// Tags for the cache ('use cache' + cacheTag, and the pages built from it). Every cached read
// carries the tags of everything it shows (server/cache/reads.ts), and every domain write touches
// the tags of what it changed (server/write.ts); the action layer invalidates exactly those.
// server/cache/tag-coverage.test.ts checks the two against each other for every action.

export const cacheTags = {
  /** The home page's list: each debate's title, excerpt, lock, counters and last activity. */
  debateList: () => "debates",
  /** A debate's structure: title, opening post, lock, slow mode, its subheadings' titles, order, locks. */
  debate: (debateId: string) => `debate:${debateId}`,
  /** Whatever any post of the debate changes on the debate page: counters, the first contributions. */
  debatePosts: (debateId: string) => `debate-posts:${debateId}`,
  /** A subheading's own counters and its contributions with their threads. */
  subheading: (subheadingId: string) => `subheading:${subheadingId}`,
  /** One thread (a contribution and all its replies): permalinks and histories of its posts. */
  thread: (rootPostId: string) => `thread:${rootPostId}`,
  moderationLog: () => "moderation-log",
  /** One author as every read shows them next to what they wrote: their name and staff badge. */
  author: (userId: string) => `author:${userId}`,
};

/** The tags of the authors shown, once each (unknown and removed authors show nothing to change). */
export function authorTags(authors: Iterable<{ id: string } | null | undefined>): string[] {
  const ids = new Set<string>();
  for (const author of authors) if (author) ids.add(author.id);
  return [...ids].sort().map((id) => cacheTags.author(id));
}

type PostPlace = { id: string; debateId: string; subheadingId: string; rootId: string | null };

/** Every read that shows a post, its place or its counts. */
export function postTags(post: PostPlace): string[] {
  return [
    cacheTags.debateList(),
    cacheTags.debatePosts(post.debateId),
    cacheTags.subheading(post.subheadingId),
    cacheTags.thread(post.rootId ?? post.id),
  ];
}

/** Every read that shows a debate's structure (the home page lists its lock and subheadings). */
export function debateTags(debateId: string): string[] {
  return [cacheTags.debateList(), cacheTags.debate(debateId)];
}
