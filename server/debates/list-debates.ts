import "server-only";
import { excerptFromHtml } from "@/lib/text";
import type { DebateSummary } from "@/lib/views";
import type { DbTx } from "../db";
import { authorSelect, toAuthorView } from "../posts/post-view";

/** The debates on the home page: pinned first, then by last activity. */
export async function listDebates(tx: DbTx): Promise<DebateSummary[]> {
  const debates = await tx.debate.findMany({
    where: { archivedAt: null },
    orderBy: [{ pinned: "desc" }, { lastActivityAt: "desc" }, { id: "asc" }],
    take: 100,
    select: {
      id: true,
      slug: true,
      title: true,
      bodyHtml: true,
      viewCount: true,
      contributionCount: true,
      replyCount: true,
      lastActivityAt: true,
      pinned: true,
      locked: true,
      author: { select: authorSelect },
      _count: { select: { subheadings: { where: { archivedAt: null } } } },
    },
  });
  return debates.map(({ bodyHtml, author, _count, ...debate }) => ({
    ...debate,
    excerpt: excerptFromHtml(bodyHtml),
    author: toAuthorView(author),
    subheadingCount: _count.subheadings,
  }));
}
