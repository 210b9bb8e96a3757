import "server-only";
import type { DbTx } from "../db";
import { toAuthorView, authorSelect } from "./post-view";

/**
 * A post's versions, oldest first, for its history page. Public like the post itself; the
 * versions of a hidden or deleted post keep their who and when but not their content.
 */
export async function listRevisions(tx: DbTx, debateSlug: string, postId: string) {
  const post = await tx.post.findFirst({
    where: { id: postId, debate: { slug: debateSlug } },
    select: {
      id: true,
      rootId: true,
      subheadingId: true,
      parentId: true,
      deletedAt: true,
      hiddenAt: true,
      author: { select: authorSelect },
      debate: { select: { id: true, slug: true, title: true } },
      subheading: { select: { slug: true, title: true } },
      revisions: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, title: true, bodyHtml: true, createdAt: true, editor: { select: authorSelect } },
      },
    },
  });
  if (!post) return null;
  const withheld = post.deletedAt !== null || post.hiddenAt !== null;
  return {
    post: {
      id: post.id,
      rootId: post.rootId ?? post.id,
      subheadingId: post.subheadingId,
      isReply: post.parentId !== null,
      // A hidden or deleted post names nobody: not its author, not who edited it.
      author: withheld ? null : toAuthorView(post.author),
      withheld,
    },
    debate: post.debate,
    subheading: post.subheading,
    revisions: post.revisions.map((r, index) => ({
      id: r.id,
      number: index + 1,
      createdAt: r.createdAt,
      editor: withheld ? null : toAuthorView(r.editor),
      title: withheld ? null : r.title,
      bodyHtml: withheld ? null : r.bodyHtml,
    })),
  };
}
