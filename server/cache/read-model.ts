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
import { listFlat } from "../posts/list-flat";
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
import { getSynthesis } from "../synthesis/get-synthesis";
import { getSynthesisProposal } from "../synthesis/get-proposal";
import { listSynthesisExcerpts } from "../synthesis/list-excerpts";
import { listSynthesisVersions } from "../synthesis/list-versions";
import { getProposal, isProposalMoved } from "../proposals/get-proposal";
import { getSubheadingProposals, listProposals } from "../proposals/list-proposals";
import { getWhereWeStand } from "../marks/where-we-stand";
import { listTypedReplies } from "../marks/list-typed-replies";
import type { FilterOrder, ReplyType } from "@/lib/reply-types";

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
  // The flat reading mode (server/posts/list-flat.ts): a subheading's posts, or a thread's, in time
  // order, each naming the author of what it answers (a reply's parent is in its place too).
  flatSubheading: read((tx, subheadingId: string, after: string | null) =>
    listFlat(tx, { subheadingId }, decodeCursor(after)),
  ).taggedBy((page, subheadingId) => [
    cacheTags.subheading(subheadingId),
    ...authorTags(page.posts.flatMap((p) => [p.author, p.inReplyTo?.author])),
  ]),
  flatThread: read((tx, rootId: string, after: string | null) =>
    listFlat(tx, { rootId }, decodeCursor(after)),
  ).taggedBy((page, rootId) => [
    cacheTags.thread(rootId),
    ...authorTags(page.posts.flatMap((p) => [p.author, p.inReplyTo?.author])),
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
  // "Where we stand" (server/marks/where-we-stand.ts): marks, new posts, hides, moves and retypes in
  // the subheading all touch its tag; the lines name their authors.
  whereWeStand: read((tx, subheadingId: string) => getWhereWeStand(tx, subheadingId)).taggedBy(
    (stand, subheadingId) => [
      cacheTags.subheading(subheadingId),
      // (stand is null when the tag-coverage test asks what a read that did not exist was tagged with.)
      ...authorTags(stand ? [...stand.broadest, ...stand.contested, ...stand.openQuestions].map((l) => l.author) : []),
    ],
  ),
  // A subheading's replies of one type, flat (…/type/<type>): `after` is a cursor of that order.
  typedReplies: read((tx, subheadingId: string, type: ReplyType, order: FilterOrder, after: string | null) =>
    listTypedReplies(tx, subheadingId, type, order, decodeCursor(after)),
  ).taggedBy((page, subheadingId) => [
    cacheTags.subheading(subheadingId),
    ...authorTags(page ? page.nodes.map((n) => n.author) : []),
  ]),
  moderationLog: read((tx, before: string | null) => listModerationLog(tx, decodeCursor(before))).taggedBy(() => [
    cacheTags.moderationLog(),
  ]),
  // A profile: the person (name, badge, handle, bio, counts) and a page of their posts, each with its
  // debate's and subheading's titles (a rename touches the debate's tag). An unknown handle waits
  // for any write that gives one out.
  // Proposals (server/proposals/): a subheading's few of each kind (its page, its decisions), a page
  // of all of them, and one proposal with its public votes. Open or closed is as of the read: the
  // scheduled close (close-due.ts) invalidates `proposals:<id>` once one's time has passed.
  subheadingProposals: read((tx, subheadingId: string) => getSubheadingProposals(tx, subheadingId)).taggedBy(
    (result, subheadingId) => [
      cacheTags.proposals(subheadingId),
      ...authorTags(result ? [...result.open, ...result.closed, ...result.decisions].map((p) => p.author) : []),
    ],
  ),
  proposalList: read((tx, subheadingId: string, after: string | null) =>
    listProposals(tx, subheadingId, decodeCursor(after)),
  ).taggedBy((result, subheadingId) => [
    cacheTags.proposals(subheadingId),
    ...authorTags(result ? result.proposals.map((p) => p.author) : []),
  ]),
  proposal: read((tx, debateSlug: string, subheadingSlug: string, proposalId: string) =>
    getProposal(tx, debateSlug, subheadingSlug, proposalId),
  ).taggedBy((page) =>
    !page
      ? missing()
      : isProposalMoved(page)
        ? [cacheTags.debate(page.moved.debateId)]
        : [
            cacheTags.debate(page.debate.id),
            cacheTags.proposals(page.subheading.id),
            ...authorTags([
              page.proposal.author,
              page.proposal.closedBy,
              page.proposal.outcomeBy,
              ...page.proposal.votes.map((v) => v.voter),
            ]),
          ],
  ),
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
  // A synthesis (server/synthesis/): its place (the debate: titles, opener), its text and status,
  // the posts its quote cards show (their threads), the open proposals, and everyone it names.
  synthesis: read((tx, debateSlug: string, subheadingSlug: string | null) =>
    getSynthesis(tx, debateSlug, subheadingSlug),
  ).taggedBy((data) =>
    data
      ? [
          cacheTags.debate(data.debate.id),
          cacheTags.synthesis(data.scopeKey),
          ...[...new Set(data.synthesis.cards.map((c) => c.rootId))].sort().map((id) => cacheTags.thread(id)),
          ...authorTags([
            data.synthesis.lastChange?.author,
            data.synthesis.lastChange?.editor,
            ...data.proposals.map((p) => p.author),
            ...data.synthesis.cards.map((c) => c.author),
          ]),
        ]
      : missing(),
  ),
  // The first words of a debate's syntheses (the debate page): every change of a text or status touches it.
  synthesisExcerpts: read((tx, debateId: string) => listSynthesisExcerpts(tx, debateId)).taggedBy(
    // (null only when the tag-coverage test asks what a read that did not exist was tagged with.)
    (excerpts, debateId) => (excerpts ? [cacheTags.debateSyntheses(debateId)] : missing()),
  ),
  synthesisVersions: read((tx, debateSlug: string, subheadingSlug: string | null, before: number | null) =>
    listSynthesisVersions(tx, debateSlug, subheadingSlug, before),
  ).taggedBy((history) =>
    history
      ? [
          cacheTags.debate(history.debate.id),
          cacheTags.synthesis(history.scopeKey),
          ...authorTags(history.versions.flatMap((v) => [v.author, v.editor])),
        ]
      : missing(),
  ),
  synthesisProposal: read((tx, debateSlug: string, subheadingSlug: string | null, proposalId: string) =>
    getSynthesisProposal(tx, debateSlug, subheadingSlug, proposalId),
  ).taggedBy((data) =>
    data
      ? [
          cacheTags.debate(data.debate.id),
          cacheTags.synthesis(data.scopeKey),
          ...authorTags([data.proposal?.author, data.proposal?.decidedBy]),
        ]
      : missing(),
  ),
};
