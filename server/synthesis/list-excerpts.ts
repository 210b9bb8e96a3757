import "server-only";
import { SYNTHESIS_EXCERPT_LENGTH } from "@/lib/synthesis";
import { excerptFromHtml } from "@/lib/text";
import type { DbTx } from "../db";

export type SynthesisExcerpt = { subheadingId: string | null; status: string; excerpt: string };

/**
 * The first words of each synthesis of a debate that says something (the debate page shows them
 * under the opening post and under each subheading: a few hundred characters each, so the page's
 * size stays bounded).
 */
export async function listSynthesisExcerpts(tx: DbTx, debateId: string): Promise<SynthesisExcerpt[]> {
  const rows = await tx.synthesis.findMany({
    where: { debateId, version: { gt: 0 } },
    orderBy: { id: "asc" },
    select: { subheadingId: true, status: true, bodyHtml: true },
  });
  return rows.flatMap((row) => {
    const excerpt = excerptFromHtml(row.bodyHtml, SYNTHESIS_EXCERPT_LENGTH);
    return excerpt ? [{ subheadingId: row.subheadingId, status: row.status, excerpt }] : [];
  });
}
