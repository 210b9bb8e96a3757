import "server-only";
import type { MovedAwayView } from "@/lib/views";
import type { DbTx } from "../db";

/** How many "moved to …" notes a page shows at most: the newest. */
export const MOVES_SHOWN = 50;

/**
 * What moderators moved out of a subheading, newest first (bounded): each note says where it went.
 * Contributions moved away are noted in the subheading's list; replies under the post they answered.
 * A move to an archived subheading keeps its note without a link.
 */
export async function listMovesFrom(
  tx: DbTx,
  subheadingId: string,
): Promise<{ debateId: string | null; moves: MovedAwayView[] }> {
  const rows = await tx.postMove.findMany({
    where: { fromSubheadingId: subheadingId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MOVES_SHOWN,
    select: { id: true, postId: true, debateId: true, fromParentId: true, toSubheadingId: true, createdAt: true },
  });
  if (rows.length === 0) return { debateId: null, moves: [] };
  const places = await tx.subheading.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.toSubheadingId))] } },
    select: { id: true, slug: true, title: true, archivedAt: true },
  });
  const byId = new Map(places.map((p) => [p.id, p]));
  return {
    debateId: rows[0]!.debateId,
    moves: rows.map((r) => {
      const to = byId.get(r.toSubheadingId);
      return {
        id: r.id,
        postId: r.postId,
        fromParentId: r.fromParentId,
        toSubheadingId: r.toSubheadingId,
        toTitle: to?.title ?? null,
        toSlug: to && !to.archivedAt ? to.slug : null,
        movedAt: r.createdAt,
      };
    }),
  };
}
