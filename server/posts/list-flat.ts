import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { encodeCursor, type Cursor } from "@/lib/cursor";
import { excerptFromHtml } from "@/lib/text";
import { PAGE_BUDGET, spend, type RenderBudget } from "@/lib/thread-tree";
import type { PostView } from "@/lib/views";
import type { FlatPage, FlatPostView, InReplyTo } from "@/lib/views-flat";
import type { DbTx } from "../db";
import { authorSelect, postViewSelect, toAuthorView, toPostView } from "./post-view";

/** At most this many posts a page of the flat view (fewer when their bodies fill the page's budget). */
export const FLAT_PAGE_SIZE = 50;
/** How much of the post a reply answers its "in reply to" line quotes. */
export const IN_REPLY_TO_EXCERPT = 90;

/** A subheading's posts, or one thread's (its contribution and every reply beneath it). */
export type FlatScope = { subheadingId: string } | { rootId: string };

/**
 * The flat reading mode: every post of a subheading or a thread in time order (oldest first),
 * replies and contributions alike, each naming what it answers. Keyset paged on (createdAt, id)
 * over the (subheadingId, createdAt, id) and (rootId, createdAt, id) indexes; a page stops at
 * FLAT_PAGE_SIZE posts or when its bodies would pass the page budget (lib/thread-tree.ts), so no
 * page grows with the data. Hidden and deleted posts keep their place, without their content, as
 * in the nested view, so both list the same posts.
 */
export async function listFlat(
  tx: DbTx,
  scope: FlatScope,
  after: Cursor | null,
  budget: RenderBudget = { ...PAGE_BUDGET },
): Promise<FlatPage> {
  const keyset: Prisma.PostWhereInput = after
    ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] }
    : {};
  const where: Prisma.PostWhereInput =
    "subheadingId" in scope
      ? { subheadingId: scope.subheadingId, ...keyset }
      : { OR: [{ id: scope.rootId }, { rootId: scope.rootId }], AND: [keyset] };
  const rows = await tx.post.findMany({
    where,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: FLAT_PAGE_SIZE + 1,
    select: postViewSelect,
  });
  const posts: PostView[] = [];
  for (const row of rows.slice(0, FLAT_PAGE_SIZE)) {
    const post = toPostView(row);
    if (!spend(budget, post, posts.length === 0)) break;
    posts.push(post);
  }
  const more = posts.length < rows.length;
  const last = posts.at(-1);
  return {
    posts: await withInReplyTo(tx, posts),
    nextCursor: more && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
  };
}

async function withInReplyTo(tx: DbTx, posts: PostView[]): Promise<FlatPostView[]> {
  const parentIds = [...new Set(posts.flatMap((p) => (p.parentId ? [p.parentId] : [])))];
  const parents = parentIds.length
    ? await tx.post.findMany({
        where: { id: { in: parentIds } },
        select: { id: true, bodyHtml: true, hiddenAt: true, deletedAt: true, author: { select: authorSelect } },
      })
    : [];
  const byId = new Map(
    parents.map((p): [string, InReplyTo] => {
      const state = p.deletedAt ? "deleted" : p.hiddenAt ? "hidden" : "visible";
      const visible = state === "visible";
      return [
        p.id,
        {
          id: p.id,
          state,
          author: visible ? toAuthorView(p.author) : null,
          excerpt: visible ? excerptFromHtml(p.bodyHtml, IN_REPLY_TO_EXCERPT) : "",
        },
      ];
    }),
  );
  return posts.map((post) => ({ ...post, inReplyTo: post.parentId ? (byId.get(post.parentId) ?? null) : null }));
}
