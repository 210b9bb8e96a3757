import "server-only";
import { buildThreads, DISPLAY_DEPTH } from "@/lib/thread-tree";
import type { PostView, ThreadNode } from "@/lib/views";
import type { DbTx } from "../db";
import { ancestorIds, descendantIds } from "../db-sql";
import { contributionOrder, postViewSelect, toPostView } from "./post-view";

export type PostContext = {
  debate: {
    id: string;
    slug: string;
    title: string;
    locked: boolean;
    subheadings: { id: string; title: string; locked: boolean }[];
  };
  subheading: { id: string; slug: string; title: string };
  /** The posts this one answers, from the top-level contribution down to its parent. */
  ancestors: PostView[];
  /** The post itself with its replies to the display depth. */
  thread: ThreadNode;
  /** Top-level contribution of the thread (the post itself when it is one). */
  rootId: string;
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

  const [upIds, downIds] = await Promise.all([
    ancestorIds(tx, row.id),
    descendantIds(tx, row.id, row.depth + DISPLAY_DEPTH),
  ]);
  const related = await tx.post.findMany({
    where: { id: { in: [...upIds, ...downIds] } },
    select: postViewSelect,
    orderBy: contributionOrder,
  });
  const byId = new Map(related.map((p) => [p.id, toPostView(p)]));
  const ancestors = upIds.map((id) => byId.get(id)).filter((p): p is PostView => p !== undefined);
  const descendants = downIds.map((id) => byId.get(id)).filter((p): p is PostView => p !== undefined);
  const { debate, subheading, rootId, ...post } = row;
  const [thread] = buildThreads([toPostView(post)], descendants);
  return { debate, subheading, ancestors, thread: thread!, rootId: rootId ?? row.id };
}
