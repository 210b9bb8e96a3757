import "server-only";
import { type Cursor, encodeCursor } from "@/lib/cursor";
import type { ContributionPage } from "@/lib/views";
import type { DbTx } from "../db";
import { loadThreads } from "../posts/load-threads";
import { contributionOrder, postViewSelect } from "../posts/post-view";

export const CONTRIBUTIONS_PER_PAGE = 20;

/**
 * One page of a subheading's top-level contributions with their replies. Keyset pagination on
 * (createdAt, id): each page starts strictly after the last row of the one before, so rows
 * added meanwhile never shift a page, and the cost does not grow with the page number.
 * Pinned contributions come on the first page only, above the rest.
 */
export async function listContributions(
  tx: DbTx,
  subheadingId: string,
  after: Cursor | null,
  pageSize = CONTRIBUTIONS_PER_PAGE,
): Promise<ContributionPage> {
  const rows = await tx.post.findMany({
    where: {
      subheadingId,
      parentId: null,
      pinnedAt: null,
      ...(after && {
        OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }],
      }),
    },
    orderBy: contributionOrder,
    take: pageSize + 1,
    select: postViewSelect,
  });
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  const pinnedRows = after
    ? []
    : await tx.post.findMany({
        where: { subheadingId, parentId: null, pinnedAt: { not: null } },
        orderBy: { pinnedAt: "desc" },
        select: postViewSelect,
      });

  const threads = await loadThreads(tx, [...pinnedRows, ...page]);
  return {
    pinned: threads.slice(0, pinnedRows.length),
    threads: threads.slice(pinnedRows.length),
    nextCursor: rows.length > pageSize && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
  };
}
