import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { AuthorView } from "@/lib/views";
import type { DbTx } from "../db";
import { authorSelect, toAuthorView } from "../posts/post-view";

/** How many posts a feed lists: the newest. */
export const FEED_SIZE = 50;

/** One post of a feed: only visible posts are ever entries (hidden and deleted ones are left out). */
export type FeedEntry = {
  id: string;
  parentId: string | null;
  title: string | null;
  bodyHtml: string;
  author: AuthorView;
  createdAt: Date;
  /** False for an archived post whose date was not kept: createdAt then only orders. */
  dateKnown: boolean;
  editedAt: Date | null;
  subheadingTitle: string;
};

type Place = { id: string; slug: string; title: string };

/** What a feed shows. `thread` is set on a thread's feed, `subheading` on a subheading's and a thread's. */
export type FeedData = {
  debate: Place & { createdAt: Date };
  subheading: Place | null;
  thread: { id: string; title: string } | null;
  /** Newest first, at most FEED_SIZE. */
  entries: FeedEntry[];
};

/** A thread's feed asked for by a reply: the feed is its thread's. */
export type ThreadFeedRedirect = { debateId: string; debateSlug: string; rootId: string };

const entrySelect = {
  id: true,
  parentId: true,
  title: true,
  bodyHtml: true,
  createdAt: true,
  dateKnown: true,
  editedAt: true,
  author: { select: authorSelect },
  subheading: { select: { title: true } },
} satisfies Prisma.PostSelect;

const visible = { hiddenAt: null, deletedAt: null } satisfies Prisma.PostWhereInput;
const newestFirst = [{ createdAt: "desc" }, { id: "desc" }] satisfies Prisma.PostOrderByWithRelationInput[];
const debateSelect = { id: true, slug: true, title: true, createdAt: true } satisfies Prisma.DebateSelect;

function toEntry(row: Prisma.PostGetPayload<{ select: typeof entrySelect }>): FeedEntry {
  const { author, subheading, ...rest } = row;
  return { ...rest, author: toAuthorView(author), subheadingTitle: subheading.title };
}

/** The newest visible posts of a debate, in its current (not archived) subheadings. */
export async function getDebateFeed(tx: DbTx, debateSlug: string): Promise<FeedData | null> {
  const debate = await tx.debate.findUnique({ where: { slug: debateSlug }, select: debateSelect });
  if (!debate) return null;
  const rows = await tx.post.findMany({
    where: { debateId: debate.id, ...visible, subheading: { archivedAt: null } },
    select: entrySelect,
    orderBy: newestFirst,
    take: FEED_SIZE,
  });
  return { debate, subheading: null, thread: null, entries: rows.map(toEntry) };
}

/** The newest visible posts under a subheading (contributions and replies). */
export async function getSubheadingFeed(
  tx: DbTx,
  debateSlug: string,
  subheadingSlug: string,
): Promise<FeedData | null> {
  const subheading = await tx.subheading.findFirst({
    where: { slug: subheadingSlug, archivedAt: null, debate: { slug: debateSlug } },
    select: { id: true, slug: true, title: true, debate: { select: debateSelect } },
  });
  if (!subheading) return null;
  const rows = await tx.post.findMany({
    where: { subheadingId: subheading.id, ...visible },
    select: entrySelect,
    orderBy: newestFirst,
    take: FEED_SIZE,
  });
  const { debate, ...place } = subheading;
  return { debate, subheading: place, thread: null, entries: rows.map(toEntry) };
}

/**
 * The newest visible posts of one thread: a top-level contribution and every reply beneath it.
 * Asked for by a reply, the answer names its thread instead (the route redirects there).
 */
export async function getThreadFeed(
  tx: DbTx,
  debateSlug: string,
  postId: string,
): Promise<FeedData | ThreadFeedRedirect | null> {
  const post = await tx.post.findFirst({
    where: { id: postId, debate: { slug: debateSlug }, subheading: { archivedAt: null } },
    select: {
      id: true,
      rootId: true,
      title: true,
      hiddenAt: true,
      deletedAt: true,
      author: { select: { name: true } },
      subheading: { select: { id: true, slug: true, title: true } },
      debate: { select: debateSelect },
    },
  });
  if (!post) return null;
  if (post.rootId) return { debateId: post.debate.id, debateSlug: post.debate.slug, rootId: post.rootId };
  const rows = await tx.post.findMany({
    where: { OR: [{ id: post.id }, { rootId: post.id }], ...visible },
    select: entrySelect,
    orderBy: newestFirst,
    take: FEED_SIZE,
  });
  const shown = !post.hiddenAt && !post.deletedAt;
  const title =
    (shown && post.title) ||
    (shown
      ? `Contribution by ${post.author?.name ?? "an unknown author"}`
      : `A thread under “${post.subheading.title}”`);
  return {
    debate: post.debate,
    subheading: post.subheading,
    thread: { id: post.id, title },
    entries: rows.map(toEntry),
  };
}

export function isThreadFeedRedirect(result: FeedData | ThreadFeedRedirect | null): result is ThreadFeedRedirect {
  return result !== null && "rootId" in result;
}
