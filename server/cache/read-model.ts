import "server-only";
import { authorTags, cacheTags, searchScopeTags } from "@/lib/cache-tags";
import { decodeContributionCursor } from "@/lib/contribution-cursor";
import { decodeCursor } from "@/lib/cursor";
import type { PostSort } from "@/lib/post-sort";
import type { AuthorView, ThreadNode } from "@/lib/views";
import type { DbTx } from "../db";
import { getDebatePage } from "../debates/get-debate-page";
import { listDebates } from "../debates/list-debates";
import { listModerationLog } from "../moderation/list-log";
import { getPostContext } from "../posts/get-post-context";
import { loadReplyChunk } from "../posts/load-threads";
import { listMovesFrom } from "../posts/list-moves";
import {
  getDebateFeed,
  getSubheadingFeed,
  getThreadFeed,
  isThreadFeedRedirect,
  type FeedData,
} from "../feeds/get-feed";
import { listRevisions } from "../posts/list-revisions";
import { searchPosts, type SearchInput } from "../search/search-posts";
import { findRenamedSubheading, getSubheading } from "../subheadings/get-subheading";
import { listContributions } from "../subheadings/list-contributions";
import { getProfile } from "../users/get-profile";

/**
 * A cached read: how it loads, and the tags of everything its result shows. The tags are a
 * function of the result, so a read cannot forget what it showed; reads.ts caches these under
 * Next's 'use cache', and the tag-coverage test loads them directly to check every write's tags.
 */
export type Read<A extends unknown[], R> = {
  load: (tx: DbTx, ...args: A) => Promise<R>;
  tags: (result: R, ...args: A) => string[];
};

/** `read(load).taggedBy(tags)`: in two steps so that TypeScript infers the arguments from `load`. */
const read = <A extends unknown[], R>(load: Read<A, R>["load"]) => ({
  taggedBy: (tags: Read<A, R>["tags"]): Read<A, R> => ({ load, tags }),
});

// What was not found is tagged with the debate list: every write that can make it exist (a new
// debate, a rename, a new post) touches that tag.
const missing = () => [cacheTags.debateList()];

/** The authors of these posts and all their replies shown: each carries a staff badge, or could. */
function* threadAuthors(nodes: ThreadNode[]): Generator<AuthorView> {
  for (const node of nodes) {
    yield node.author;
    yield* threadAuthors(node.replies);
  }
}

const feedAuthorTags = (feed: FeedData) => authorTags(feed.entries.map((e) => e.author));

export const readModel = {
  debateList: read((tx) => listDebates(tx)).taggedBy((debates) => [
    cacheTags.debateList(),
    ...authorTags(debates.map((d) => d.author)),
  ]),
  // The debate page: its structure, what any of its posts changes (counters, which contributions
  // head each section, their headlines and reply counts), and the authors it names.
  debatePage: read((tx, slug: string) => getDebatePage(tx, slug)).taggedBy((page) =>
    page
      ? [
          cacheTags.debate(page.debate.id),
          cacheTags.debatePosts(page.debate.id),
          ...authorTags([page.debate.author, ...page.sections.flatMap((s) => s.contributions.map((c) => c.author))]),
        ]
      : missing(),
  ),
  subheading: read((tx, debateSlug: string, slug: string) => getSubheading(tx, debateSlug, slug)).taggedBy((header) =>
    header ? [cacheTags.debate(header.debate.id), cacheTags.subheading(header.subheading.id)] : missing(),
  ),
  // A page under a sort (lib/post-sort.ts); `after` is a cursor of that sort (lib/contribution-cursor.ts).
  contributions: read((tx, subheadingId: string, sort: PostSort, after: string | null) =>
    listContributions(tx, subheadingId, sort, decodeContributionCursor(after)),
  ).taggedBy((page, subheadingId) => [
    cacheTags.subheading(subheadingId),
    ...authorTags(threadAuthors([...page.pinned, ...page.threads])),
  ]),
  // "Show N more replies": the next replies of a post, each with its first replies (one thread's posts).
  replyChunk: read((tx, parentId: string, after: string | null, level: number) =>
    loadReplyChunk(tx, parentId, decodeCursor(after), level),
  ).taggedBy((chunk) =>
    chunk ? [cacheTags.thread(chunk.rootId), ...authorTags(threadAuthors(chunk.nodes))] : missing(),
  ),
  // The permalink shows the debate's lock and subheadings (reply form, move targets): its tag too.
  postContext: read((tx, debateSlug: string, postId: string) => getPostContext(tx, debateSlug, postId)).taggedBy(
    (context) =>
      context
        ? [
            cacheTags.debate(context.debate.id),
            cacheTags.thread(context.rootId),
            ...authorTags([...context.ancestors.map((p) => p.author), ...threadAuthors([context.thread])]),
          ]
        : missing(),
  ),
  revisions: read((tx, debateSlug: string, postId: string) => listRevisions(tx, debateSlug, postId)).taggedBy(
    (history) =>
      history
        ? [
            cacheTags.debate(history.debate.id),
            cacheTags.thread(history.post.rootId),
            ...authorTags([history.post.author, ...history.revisions.map((r) => r.editor)]),
          ]
        : missing(),
  ),
  renamedSubheading: read((tx, debateSlug: string, oldSlug: string) =>
    findRenamedSubheading(tx, debateSlug, oldSlug),
  ).taggedBy(() => missing()),
  // Atom feeds: a feed shows its debate's title (and subheading titles), and the posts of its place.
  debateFeed: read((tx, slug: string) => getDebateFeed(tx, slug)).taggedBy((feed) =>
    feed
      ? [cacheTags.debate(feed.debate.id), cacheTags.debatePosts(feed.debate.id), ...feedAuthorTags(feed)]
      : missing(),
  ),
  subheadingFeed: read((tx, debateSlug: string, slug: string) => getSubheadingFeed(tx, debateSlug, slug)).taggedBy(
    (feed) =>
      feed?.subheading
        ? [cacheTags.debate(feed.debate.id), cacheTags.subheading(feed.subheading.id), ...feedAuthorTags(feed)]
        : missing(),
  ),
  // A reply's answer (its thread) changes when the reply moves: the move touches that thread.
  threadFeed: read((tx, debateSlug: string, postId: string) => getThreadFeed(tx, debateSlug, postId)).taggedBy(
    (feed) =>
      !feed
        ? missing()
        : isThreadFeedRedirect(feed)
          ? [cacheTags.debate(feed.debateId), cacheTags.thread(feed.rootId)]
          : [cacheTags.debate(feed.debate.id), cacheTags.thread(feed.thread!.id), ...feedAuthorTags(feed)],
  ),
  // Search: which posts may match (the scope's tags, lib/cache-tags.ts), and what each result shows.
  search: read((tx, input: SearchInput) => searchPosts(tx, input)).taggedBy((page) =>
    // (Never null: the tag-coverage test asks what a read that did not exist yet was tagged with.)
    !page || page.scope.missing
      ? missing()
      : [
          ...searchScopeTags({
            debateId: page.scope.debate?.id ?? null,
            subheadingId: page.scope.subheading?.id ?? null,
          }),
          ...[...new Set(page.results.map((r) => r.debate.id))].sort().map((id) => cacheTags.debate(id)),
          ...authorTags(page.results.map((r) => r.author)),
        ],
  ),
  // What moderators moved out of a subheading ("a reply was moved to …"): a move touches the old
  // place's subheading tag; the destinations' titles are the debate's.
  movesFrom: read((tx, subheadingId: string) => listMovesFrom(tx, subheadingId)).taggedBy((result, subheadingId) => [
    cacheTags.subheading(subheadingId),
    // (result is null when the tag-coverage test asks what a read that did not exist was tagged with.)
    ...(result?.debateId ? [cacheTags.debate(result.debateId)] : []),
  ]),
  moderationLog: read((tx, before: string | null) => listModerationLog(tx, decodeCursor(before))).taggedBy(() => [
    cacheTags.moderationLog(),
  ]),
  // A profile: the person (name, badge, handle, bio, counts) and a page of their posts, each with its
  // debate's and subheading's titles (a rename touches the debate's tag). An unknown handle waits
  // for any write that gives one out.
  profile: read((tx, handle: string, before: string | null) => getProfile(tx, handle, decodeCursor(before))).taggedBy(
    (profile) =>
      profile
        ? [
            cacheTags.person(profile.person.id),
            cacheTags.author(profile.person.id),
            ...[...new Set(profile.posts.map((p) => p.debate.id))].sort().map((id) => cacheTags.debate(id)),
          ]
        : [cacheTags.handles()],
  ),
};
