import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { encodeCursor, type Cursor } from "@/lib/cursor";
import type { FilterOrder, ReplyType } from "@/lib/reply-types";
import { PAGE_BUDGET, spend } from "@/lib/thread-tree";
import type { ThreadNode } from "@/lib/views";
import type { DbTx } from "../db";
import { postViewSelect, toPostView } from "../posts/post-view";

export const TYPED_REPLIES_PER_PAGE = 20;

export type TypedReplyPage = { nodes: ThreadNode[]; nextCursor: string | null };

/**
 * A subheading's visible replies of one type, flat (no nesting), newest or oldest first, keyset
 * paged over the (subheadingId, replyType, createdAt, id) index; within PAGE_BUDGET like every page.
 * Each reply shows without its own replies (its permalink has them).
 */
export async function listTypedReplies(
  tx: DbTx,
  subheadingId: string,
  type: ReplyType,
  order: FilterOrder,
  after: Cursor | null,
): Promise<TypedReplyPage> {
  const newest = order === "newest";
  const dir = newest ? "lt" : "gt";
  const position: Prisma.PostWhereInput | undefined = after
    ? { OR: [{ createdAt: { [dir]: after.createdAt } }, { createdAt: after.createdAt, id: { [dir]: after.id } }] }
    : undefined;
  const rows = await tx.post.findMany({
    where: { subheadingId, replyType: type, hiddenAt: null, deletedAt: null, ...position },
    orderBy: newest ? [{ createdAt: "desc" }, { id: "desc" }] : [{ createdAt: "asc" }, { id: "asc" }],
    take: TYPED_REPLIES_PER_PAGE + 1,
    select: postViewSelect,
  });
  const budget = { ...PAGE_BUDGET };
  const nodes: ThreadNode[] = [];
  for (const row of rows.slice(0, TYPED_REPLIES_PER_PAGE)) {
    const node: ThreadNode = { ...toPostView(row), replies: [] };
    if (!spend(budget, node, nodes.length === 0)) break;
    nodes.push(node);
  }
  const last = nodes.at(-1);
  const more = nodes.length < rows.length;
  return { nodes, nextCursor: last && more ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null };
}
