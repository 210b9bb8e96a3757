import "server-only";
import { buildThreads, DISPLAY_DEPTH } from "@/lib/thread-tree";
import type { ThreadNode } from "@/lib/views";
import type { DbTx } from "../db";
import { contributionOrder, postViewSelect, toPostView } from "./post-view";
import type { Prisma } from "@/generated/prisma/client";

type RootRow = Prisma.PostGetPayload<{ select: typeof postViewSelect }>;

/** The replies of these top-level contributions, to the display depth, in one query. */
export async function loadThreads(tx: DbTx, roots: RootRow[]): Promise<ThreadNode[]> {
  if (roots.length === 0) return [];
  const replies = await tx.post.findMany({
    where: { rootId: { in: roots.map((r) => r.id) }, depth: { lte: DISPLAY_DEPTH } },
    select: postViewSelect,
    orderBy: contributionOrder,
  });
  return buildThreads(roots.map(toPostView), replies.map(toPostView));
}
