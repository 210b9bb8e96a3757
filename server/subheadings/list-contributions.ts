import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { type ContributionCursor, encodeContributionCursor } from "@/lib/contribution-cursor";
import type { PostSort } from "@/lib/post-sort";
import { PAGE_BUDGET, spend } from "@/lib/thread-tree";
import type { ContributionPage, ThreadNode } from "@/lib/views";
import type { DbTx } from "../db";
import { loadThreads } from "../posts/load-threads";
import { postViewSelect, toPostView } from "../posts/post-view";

export const CONTRIBUTIONS_PER_PAGE = 20;
/** Pinned contributions shown above the first page (a moderator pins a few, not a list). */
export const PINNED_MAX = 5;

type Order = Prisma.PostOrderByWithRelationInput[];
const ORDER: Record<PostSort, Order> = {
  oldest: [{ createdAt: "asc" }, { id: "asc" }],
  newest: [{ createdAt: "desc" }, { id: "desc" }],
  // Most direct replies first; ties in time order. The count moves as replies come, so a
  // contribution can change pages between two visits (never within one page).
  replies: [{ replyCount: "desc" }, { createdAt: "asc" }, { id: "asc" }],
};

/** Rows strictly after the cursor's row in its sort's order. */
function afterCursor(c: ContributionCursor): Prisma.PostWhereInput {
  const later: Prisma.PostWhereInput = {
    OR: [{ createdAt: { gt: c.createdAt } }, { createdAt: c.createdAt, id: { gt: c.id } }],
  };
  if (c.sort === "oldest") return later;
  if (c.sort === "newest")
    return { OR: [{ createdAt: { lt: c.createdAt } }, { createdAt: c.createdAt, id: { lt: c.id } }] };
  return { OR: [{ replyCount: { lt: c.replyCount } }, { replyCount: c.replyCount, ...later }] };
}

/**
 * One page of a subheading's top-level contributions under a sort, with their first replies.
 * Keyset pagination on the sort's key then (createdAt, id): each page starts strictly after the
 * last row of the one before, so the cost does not grow with the page number. Pinned
 * contributions come on the first page only, above the rest. A page holds at most `pageSize`
 * contributions and ends early when PAGE_BUDGET runs out (lib/thread-tree.ts), so whatever the
 * posts hold, its HTML is bounded; the next page starts after the last contribution shown.
 */
export async function listContributions(
  tx: DbTx,
  subheadingId: string,
  sort: PostSort,
  after: ContributionCursor | null,
  pageSize = CONTRIBUTIONS_PER_PAGE,
): Promise<ContributionPage> {
  if (after && after.sort !== sort) after = null;
  const [rows, pinnedRows] = await Promise.all([
    tx.post.findMany({
      where: { subheadingId, parentId: null, pinnedAt: null, ...(after && afterCursor(after)) },
      orderBy: ORDER[sort],
      take: pageSize + 1,
      select: postViewSelect,
    }),
    after
      ? []
      : tx.post.findMany({
          where: { subheadingId, parentId: null, pinnedAt: { not: null } },
          orderBy: [{ pinnedAt: "desc" }, { id: "asc" }],
          take: PINNED_MAX,
          select: postViewSelect,
        }),
  ]);

  const budget = { ...PAGE_BUDGET };
  const take = (list: typeof rows, limit: number) => {
    const shown: typeof rows = [];
    for (const row of list.slice(0, limit)) {
      // The first contribution of the page is always shown, so paging always moves on.
      if (!spend(budget, toPostView(row), shown.length === 0)) break;
      shown.push(row);
    }
    return shown;
  };
  const pinned = take(pinnedRows, PINNED_MAX);
  const page = take(rows, pageSize);
  const threads: ThreadNode[] = await loadThreads(tx, [...pinned, ...page], budget);
  const last = page.at(-1);
  return {
    pinned: threads.slice(0, pinned.length),
    threads: threads.slice(pinned.length),
    nextCursor:
      rows.length > page.length && last
        ? encodeContributionCursor({ sort, createdAt: last.createdAt, id: last.id, replyCount: last.replyCount })
        : null,
  };
}
