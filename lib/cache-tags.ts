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
  /** One member's profile (/people/<handle>): their handle, bio, counts and the list of their posts. */
  person: (userId: string) => `person:${userId}`,
  /** Which handles exist: a profile that was not found (every write that gives a handle touches it). */
  handles: () => "handles",
  /** One synthesis ("debate:<id>" or "subheading:<id>" scope key): its text, status, versions and proposals. */
  synthesis: (scopeKey: string) => `synthesis:${scopeKey}`,
  /** The excerpts of a debate's syntheses (the debate page): every change of one's text or status. */
  debateSyntheses: (debateId: string) => `syntheses:${debateId}`,
  /** A subheading's proposals: their statements, counts, votes, closing and outcomes (lists and pages). */
  proposals: (subheadingId: string) => `proposals:${subheadingId}`,
};

/** The tags of the authors shown, once each (unknown and removed authors show nothing to change). */
export function authorTags(authors: Iterable<{ id: string } | null | undefined>): string[] {
  const ids = new Set<string>();
  for (const author of authors) if (author) ids.add(author.id);
  return [...ids].sort().map((id) => cacheTags.author(id));
}

type PostPlace = {
  id: string;
  debateId: string;
  subheadingId: string;
  rootId: string | null;
  /** The author's profile lists the post: given (selected) wherever a post is written. */
  authorId?: string | null;
};

/** Every read that shows a post, its place or its counts (with its author's profile when `authorId` is given). */
export function postTags(post: PostPlace): string[] {
  return [
    cacheTags.debateList(),
    cacheTags.debatePosts(post.debateId),
    cacheTags.subheading(post.subheadingId),
    cacheTags.thread(post.rootId ?? post.id),
    ...(post.authorId ? [cacheTags.person(post.authorId)] : []),
  ];
}

/** Every read that shows a debate's structure (the home page lists its lock and subheadings). */
export function debateTags(debateId: string): string[] {
  return [cacheTags.debateList(), cacheTags.debate(debateId)];
}

/**
 * Which results a search may list (server/search/). Every write that can add, remove or change a
 * match touches postTags (a new post, an edit, a delete, hide and restore, a move, the importer) or
 * debateTags (archiving, renaming): within a subheading that reaches `subheading:<id>`, within a
 * debate `debate-posts:<id>`, and site-wide only the debate list's tag, `debates`, which every such
 * write touches. So a scoped search is invalidated by writes in its scope alone, and a site-wide one
 * as often as the home page (any post can match it: no narrower tag is correct). The scope's
 * `debate:<id>` covers its title and its subheadings shown in the form; the read adds each result's
 * debate (titles, archiving) and authors (names, badges, handles).
 */
export function searchScopeTags(scope: { debateId: string | null; subheadingId: string | null }): string[] {
  if (!scope.debateId) return [cacheTags.debateList()];
  const within = scope.subheadingId ? cacheTags.subheading(scope.subheadingId) : cacheTags.debatePosts(scope.debateId);
  return [cacheTags.debate(scope.debateId), within];
}
