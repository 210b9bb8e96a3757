import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { type Cursor, encodeCursor } from "@/lib/cursor";
import {
  CHUNK_BUDGET,
  DISPLAY_DEPTH,
  firstRepliesAt,
  REPLIES_PER_CHUNK,
  type RenderBudget,
  spend,
} from "@/lib/thread-tree";
import { isReplyType, type ReplyTypeCounts } from "@/lib/reply-types";
import type { ThreadNode } from "@/lib/views";
import type { DbTx } from "../db";
import { firstReplyIds, threadTypeCounts } from "../db-sql";
import { contributionOrder, postViewSelect, toPostView } from "./post-view";

type PostRow = Prisma.PostGetPayload<{ select: typeof postViewSelect }>;

/**
 * These top-level contributions with their first replies (lib/thread-tree.ts), within `budget`,
 * each with its thread's replies per type (the line at the top of a thread).
 */
export async function loadThreads(tx: DbTx, roots: PostRow[], budget: RenderBudget): Promise<ThreadNode[]> {
  const nodes: ThreadNode[] = roots.map((row) => ({ ...toPostView(row), replies: [] }));
  await fillReplies(tx, nodes, 0, budget);
  const counts = await typeCountsOf(
    tx,
    nodes.map((n) => n.id),
  );
  for (const node of nodes) {
    const mine = counts.get(node.id);
    if (mine) node.typeCounts = mine;
  }
  return nodes;
}

/** Each thread's visible replies per type and its open questions, by top-level post id (none: absent). */
export async function typeCountsOf(tx: DbTx, rootIds: string[]): Promise<Map<string, ReplyTypeCounts>> {
  const byRoot = new Map<string, ReplyTypeCounts>();
  for (const row of await threadTypeCounts(tx, rootIds)) {
    if (!isReplyType(row.replyType)) continue;
    const counts = byRoot.get(row.rootId) ?? {};
    counts[row.replyType] = row.count;
    if (row.replyType === "question") counts.openQuestions = row.open;
    byRoot.set(row.rootId, counts);
  }
  return byRoot;
}

/**
 * Fills in the replies beneath `nodes` (shown `level` levels below the top of the display), level
 * by level down to the display depth: each post's first few replies in time order (`firstTake` for
 * the first level, else FIRST_REPLIES_BY_LEVEL), while `budget` lasts. Replies are taken in order
 * and never skipped, so "show N more" can start after the last one shown. Two queries a level,
 * each bounded: the ids (one index range per parent), then at most `budget.posts` rows.
 */
export async function fillReplies(
  tx: DbTx,
  nodes: ThreadNode[],
  level: number,
  budget: RenderBudget,
  firstTake = firstRepliesAt(level + 1),
): Promise<void> {
  let frontier = nodes;
  let take = firstTake;
  for (let l = level; l < DISPLAY_DEPTH && budget.posts > 0; l++) {
    const parents = frontier.filter((n) => n.replyCount > 0).slice(0, budget.posts);
    if (parents.length === 0 || take <= 0) return;
    const picked = await firstReplyIds(
      tx,
      parents.map((p) => p.id),
      take,
    );
    const byParent = new Map<string, string[]>();
    for (const row of picked) byParent.set(row.parentId, [...(byParent.get(row.parentId) ?? []), row.id]);
    const rows = await tx.post.findMany({
      where: { id: { in: parents.flatMap((p) => byParent.get(p.id) ?? []).slice(0, budget.posts) } },
      select: postViewSelect,
      orderBy: contributionOrder,
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    const next: ThreadNode[] = [];
    walk: for (const parent of parents) {
      for (const id of byParent.get(parent.id) ?? []) {
        const row = byId.get(id);
        if (!row) break walk; // past the rows fetched: the budget's post count
        const child: ThreadNode = { ...toPostView(row), replies: [] };
        if (!spend(budget, child)) break walk;
        parent.replies.push(child);
        next.push(child);
      }
    }
    frontier = next;
    take = firstRepliesAt(l + 2);
  }
}

export type ReplyChunk = {
  debateSlug: string;
  /** The thread's top-level contribution (its cache tag). */
  rootId: string;
  /** The replies, each with its own first replies, shown `level` levels below the top of the display. */
  nodes: ThreadNode[];
  level: number;
  /** Replies of the parent after these, and the cursor to load them from (null when none are left). */
  remaining: number;
  nextCursor: string | null;
};

/**
 * The next replies of a post after `after` (from its first when null), for "show N more replies":
 * at most REPLIES_PER_CHUNK, each with its first replies, within CHUNK_BUDGET. Null when no such post.
 */
export async function loadReplyChunk(
  tx: DbTx,
  parentId: string,
  after: Cursor | null,
  level: number,
): Promise<ReplyChunk | null> {
  const parent = await tx.post.findUnique({
    where: { id: parentId },
    select: { id: true, rootId: true, debate: { select: { slug: true } } },
  });
  if (!parent) return null;
  const rows = await tx.post.findMany({
    where: { parentId, ...(after && afterPosition(after)) },
    orderBy: contributionOrder,
    take: REPLIES_PER_CHUNK,
    select: postViewSelect,
  });
  const budget = { ...CHUNK_BUDGET };
  const nodes: ThreadNode[] = [];
  for (const row of rows) {
    const node: ThreadNode = { ...toPostView(row), replies: [] };
    if (!spend(budget, node, nodes.length === 0)) break;
    nodes.push(node);
  }
  await fillReplies(tx, nodes, level, budget);
  const last = nodes.at(-1);
  const remaining = last ? await tx.post.count({ where: { parentId, ...afterPosition(last) } }) : 0;
  return {
    debateSlug: parent.debate.slug,
    rootId: parent.rootId ?? parent.id,
    nodes,
    level,
    remaining,
    nextCursor: last && remaining > 0 ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
  };
}

/** Rows after this one in (createdAt, id) order. */
function afterPosition(cursor: Cursor): Prisma.PostWhereInput {
  return {
    OR: [{ createdAt: { gt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { gt: cursor.id } }],
  };
}
