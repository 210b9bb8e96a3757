import "server-only";
import type { DebateHeader, SubheadingSummary, ThreadNode } from "@/lib/views";
import type { DbTx } from "../db";
import { firstContributionIds } from "../db-sql";
import { loadThreads } from "../posts/load-threads";
import { authorSelect, contributionOrder, postViewSelect, toAuthorView } from "../posts/post-view";
import { subheadingSummarySelect } from "../subheadings/subheading-view";

/** How many contributions of each subheading the debate page shows before "see all". */
export const CONTRIBUTIONS_ON_DEBATE_PAGE = 5;

export type DebatePageSection = SubheadingSummary & { pinned: ThreadNode[]; threads: ThreadNode[]; hasMore: boolean };
export type DebatePageData = { debate: DebateHeader; sections: DebatePageSection[] };

export const debateHeaderSelect = {
  id: true,
  slug: true,
  title: true,
  bodyHtml: true,
  attributionNote: true,
  createdAt: true,
  dateKnown: true,
  viewCount: true,
  contributionCount: true,
  replyCount: true,
  lastActivityAt: true,
  locked: true,
  slowModeSeconds: true,
  author: { select: authorSelect },
} as const;

/** The whole debate page in five queries, however many subheadings it has. */
export async function getDebatePage(tx: DbTx, slug: string): Promise<DebatePageData | null> {
  const debate = await tx.debate.findUnique({
    where: { slug },
    select: {
      ...debateHeaderSelect,
      subheadings: { where: { archivedAt: null }, orderBy: { position: "asc" }, select: subheadingSummarySelect },
    },
  });
  if (!debate) return null;

  const firstIds = await firstContributionIds(tx, debate.id, CONTRIBUTIONS_ON_DEBATE_PAGE);
  const roots = await tx.post.findMany({
    where: { OR: [{ id: { in: firstIds } }, { debateId: debate.id, parentId: null, pinnedAt: { not: null } }] },
    select: postViewSelect,
    orderBy: contributionOrder,
  });
  const threads = await loadThreads(tx, roots);

  const { subheadings, author, ...header } = debate;
  return {
    debate: { ...header, author: toAuthorView(author) },
    sections: subheadings.map((subheading) => {
      const own = threads.filter((t) => t.subheadingId === subheading.id);
      const pinned = own.filter((t) => t.pinned);
      const rest = own.filter((t) => !t.pinned);
      return { ...subheading, pinned, threads: rest, hasMore: subheading.contributionCount > own.length };
    }),
  };
}
