import "server-only";
import { authorTags, cacheTags } from "@/lib/cache-tags";
import { decodeCursor } from "@/lib/cursor";
import type { AuthorView, ThreadNode } from "@/lib/views";
import type { DbTx } from "../db";
import { getDebatePage } from "../debates/get-debate-page";
import { listDebates } from "../debates/list-debates";
import { listModerationLog } from "../moderation/list-log";
import { getPostContext } from "../posts/get-post-context";
import { listRevisions } from "../posts/list-revisions";
import { findRenamedSubheading, getSubheading } from "../subheadings/get-subheading";
import { listContributions } from "../subheadings/list-contributions";

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

export const readModel = {
  debateList: read((tx) => listDebates(tx)).taggedBy((debates) => [
    cacheTags.debateList(),
    ...authorTags(debates.map((d) => d.author)),
  ]),
  debatePage: read((tx, slug: string) => getDebatePage(tx, slug)).taggedBy((page) =>
    page
      ? [
          cacheTags.debate(page.debate.id),
          cacheTags.debatePosts(page.debate.id),
          ...authorTags([
            page.debate.author,
            ...threadAuthors(page.sections.flatMap((s) => [...s.pinned, ...s.threads])),
          ]),
        ]
      : missing(),
  ),
  subheading: read((tx, debateSlug: string, slug: string) => getSubheading(tx, debateSlug, slug)).taggedBy((header) =>
    header ? [cacheTags.debate(header.debate.id), cacheTags.subheading(header.subheading.id)] : missing(),
  ),
  contributions: read((tx, subheadingId: string, after: string | null) =>
    listContributions(tx, subheadingId, decodeCursor(after)),
  ).taggedBy((page, subheadingId) => [
    cacheTags.subheading(subheadingId),
    ...authorTags(threadAuthors([...page.pinned, ...page.threads])),
  ]),
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
  moderationLog: read((tx, before: string | null) => listModerationLog(tx, decodeCursor(before))).taggedBy(() => [
    cacheTags.moderationLog(),
  ]),
};
