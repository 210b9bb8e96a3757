import type { PostView, ThreadNode } from "./views";

/** How many levels of replies are shown beneath a post before "continue this thread". */
export const DISPLAY_DEPTH = 4;

/**
 * Nests a flat list of replies beneath their roots. Replies whose parent is not in the set
 * (deeper than was loaded) are dropped; siblings keep the order of `replies`, which the caller
 * loads by (createdAt, id).
 */
export function buildThreads(roots: PostView[], replies: PostView[]): ThreadNode[] {
  const nodes = new Map<string, ThreadNode>();
  const rootNodes = roots.map((post) => {
    const node: ThreadNode = { ...post, replies: [] };
    nodes.set(post.id, node);
    return node;
  });
  const pending = [...replies].sort((a, b) => a.depth - b.depth);
  for (const reply of pending) {
    if (nodes.has(reply.id)) continue;
    const parent = reply.parentId ? nodes.get(reply.parentId) : undefined;
    if (!parent) continue;
    const node: ThreadNode = { ...reply, replies: [] };
    nodes.set(reply.id, node);
    parent.replies.push(node);
  }
  for (const node of nodes.values()) node.replies.sort(byCreation);
  return rootNodes;
}

function byCreation(a: PostView, b: PostView): number {
  const t = a.createdAt.getTime() - b.createdAt.getTime();
  return t !== 0 ? t : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * True when `node`, shown `level` levels below the top of the display, has replies that are
 * not shown here: the place for a "continue this thread" link.
 */
export function continuesBeyond(node: ThreadNode, level: number): boolean {
  return node.replyCount > 0 && (level >= DISPLAY_DEPTH || node.replies.length === 0);
}
