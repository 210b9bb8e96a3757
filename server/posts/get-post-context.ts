import "server-only";
import { excerptFromHtml } from "@/lib/text";
import { PAGE_BUDGET, PERMALINK_FIRST_REPLIES, spend } from "@/lib/thread-tree";
import type { ReplyTypeCounts } from "@/lib/reply-types";
import type { AuthorView, ThreadNode } from "@/lib/views";
import type { DbTx } from "../db";
import { ancestorIds } from "../db-sql";
import { fillReplies, typeCountsOf } from "./load-threads";
import { postViewSelect, toPostView } from "./post-view";

/** The last ancestors a permalink shows above the post (with the thread's first post above them). */
export const NEAREST_ANCESTORS = 3;

/** An ancestor as the permalink shows it: who, when, and its first line (more on demand), never its HTML. */
export type AncestorView = {
  id: string;
  parentId: string | null;
  title: string | null;
  author: AuthorView;
  createdAt: Date;
  dateKnown: boolean;
  state: "visible" | "hidden" | "deleted";
  /** Plain text: the first words (≤ 160 characters), and a longer excerpt (≤ 1,000) when there is more. */
  firstLine: string;
  more: string | null;
};

export type PostContext = {
  debate: {
    id: string;
    slug: string;
    title: string;
    locked: boolean;
    subheadings: { id: string; title: string; locked: boolean }[];
  };
  subheading: { id: string; slug: string; title: string };
  /**
   * The posts this one answers, top down: the thread's top-level contribution, then the last
   * NEAREST_ANCESTORS (ending with the parent). Between them `skipped` posts are left out.
   */
  ancestors: AncestorView[];
  /** Ancestors left out between the top-level contribution and the nearest ones, and the lowest of them. */
  skipped: { count: number; nearestId: string } | null;
  /** The post itself with its first replies (lib/thread-tree.ts: bounded whatever the thread holds). */
  thread: ThreadNode;
  /** Top-level contribution of the thread (the post itself when it is one). */
  rootId: string;
  /** The whole thread's visible replies per type, and its open questions (none: empty). */
  typeCounts: ReplyTypeCounts;
};

/** A post in context, for its permalink. Null when no such post exists in that debate. */
export async function getPostContext(tx: DbTx, debateSlug: string, postId: string): Promise<PostContext | null> {
  const row = await tx.post.findFirst({
    where: { id: postId, debate: { slug: debateSlug } },
    select: {
      ...postViewSelect,
      rootId: true,
      debate: {
        select: {
          id: true,
          slug: true,
          title: true,
          locked: true,
          subheadings: {
            where: { archivedAt: null },
            orderBy: { position: "asc" },
            select: { id: true, title: true, locked: true },
          },
        },
      },
      subheading: { select: { id: true, slug: true, title: true } },
    },
  });
  if (!row) return null;

  // However deep the post sits, the page shows the top of its thread and its nearest ancestors.
  const upIds = row.parentId ? await ancestorIds(tx, row.id) : [];
  const shownIds = upIds.length <= NEAREST_ANCESTORS + 1 ? upIds : [upIds[0]!, ...upIds.slice(-NEAREST_ANCESTORS)];
  const skippedIds = upIds.slice(1, upIds.length - NEAREST_ANCESTORS);
  const ancestorRows = shownIds.length
    ? await tx.post.findMany({ where: { id: { in: shownIds } }, select: postViewSelect })
    : [];
  const byId = new Map(ancestorRows.map((p) => [p.id, toAncestorView(toPostView(p))]));
  const ancestors = shownIds.map((id) => byId.get(id)).filter((p): p is AncestorView => p !== undefined);

  const { debate, subheading, rootId, ...post } = row;
  const thread: ThreadNode = { ...toPostView(post), replies: [] };
  const budget = { ...PAGE_BUDGET };
  spend(budget, thread, true);
  await fillReplies(tx, [thread], 0, budget, PERMALINK_FIRST_REPLIES);
  const typeCounts = (await typeCountsOf(tx, [rootId ?? row.id])).get(rootId ?? row.id) ?? {};
  return {
    typeCounts,
    debate,
    subheading,
    ancestors,
    skipped: skippedIds.length > 0 ? { count: skippedIds.length, nearestId: skippedIds.at(-1)! } : null,
    thread,
    rootId: rootId ?? row.id,
  };
}

function toAncestorView(post: ReturnType<typeof toPostView>): AncestorView {
  const html = post.bodyHtml ?? "";
  const firstLine = excerptFromHtml(html, 160);
  const more = excerptFromHtml(html, 1000);
  return {
    id: post.id,
    parentId: post.parentId,
    title: post.title,
    author: post.author,
    createdAt: post.createdAt,
    dateKnown: post.dateKnown,
    state: post.state,
    firstLine,
    more: more !== firstLine ? more : null,
  };
}
