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
 * True when `node`, shown `level` levels below the top of the display, sits at the display depth
 * and has replies: the place for a "continue this thread" link (above it, replies not shown are
 * "show N more replies": hiddenReplies).
 */
export function continuesBeyond(node: ThreadNode, level: number): boolean {
  return node.replyCount > 0 && level >= DISPLAY_DEPTH;
}

/**
 * How many replies of one post a page shows before "show N more replies", by how far below the top
 * of the display they sit (index 1: replies to the top post). The rest load on demand, a chunk of
 * REPLIES_PER_CHUNK at a time, by keyset on (createdAt, id).
 */
export const FIRST_REPLIES_BY_LEVEL = [0, 5, 3, 2, 1] as const;
/** A permalink shows more of the post's own replies: it is the page about them. */
export const PERMALINK_FIRST_REPLIES = 20;
export const REPLIES_PER_CHUNK = 20;

export function firstRepliesAt(level: number): number {
  return FIRST_REPLIES_BY_LEVEL[Math.min(level, DISPLAY_DEPTH)] ?? 0;
}

/**
 * What one page (or one chunk of replies) may render, whatever the data: at most `posts` posts, and
 * at most `bodyChars` characters of post HTML between them (a post that would go over is left for
 * "show more", except the first, which is always shown). Together with the display depth this bounds
 * every page's HTML: see ARCHITECTURE.md, "Pages".
 */
export type RenderBudget = { posts: number; bodyChars: number };
export const PAGE_BUDGET: RenderBudget = { posts: 80, bodyChars: 120_000 };
export const CHUNK_BUDGET: RenderBudget = { posts: 40, bodyChars: 60_000 };

/** Takes `post` out of `budget` when it fits (or when `always`); false when it does not. */
export function spend(budget: RenderBudget, post: PostView, always = false): boolean {
  const chars = post.bodyHtml?.length ?? 0;
  if (!always && (budget.posts <= 0 || chars > budget.bodyChars)) return false;
  budget.posts -= 1;
  budget.bodyChars -= chars;
  return true;
}

/** Replies of `node` not shown beneath it (its reply count counts direct replies only). */
export function hiddenReplies(node: ThreadNode): number {
  return Math.max(0, node.replyCount - node.replies.length);
}

/**
 * The most HTML a subheading page, a permalink or a chunk of replies can be, given the largest
 * post HTML stored (`largestPostHtml`): the page around the posts (PAGE_HTML_BASE), each post's
 * own markup (author, date, actions: POST_HTML_CHROME, counted in the HTML and in React's inline
 * payload), and the posts' HTML twice (the HTML and the payload that repeats it): the budget, plus
 * the two posts a page shows whatever their size (its first pinned and first other contribution).
 */
export const PAGE_HTML_BASE = 80_000;
// Measured: about 3.8 KB a reply with a one-line body (e2e/threads.spec.ts), HTML and payload together.
export const POST_HTML_CHROME = 5_000;
export function pageHtmlBound(largestPostHtml: number, budget: RenderBudget = PAGE_BUDGET): number {
  return PAGE_HTML_BASE + budget.posts * POST_HTML_CHROME + 2 * (budget.bodyChars + 2 * largestPostHtml);
}
