import "server-only";
import { VERSIONS_PER_PAGE } from "@/lib/synthesis";
import { wordDiff } from "@/lib/synthesis-diff";
import type { DbTx } from "../db";
import { loadPeople, personOf, readPlace } from "./read-place";

/**
 * A synthesis's versions, newest first, VERSIONS_PER_PAGE a page (keyset: those numbered below
 * `before`), each with who wrote the words, who applied them, when, its note, and the word-level
 * diff from the version before it. Version numbers have no gaps, so one more row than the page
 * gives the last one's predecessor and says whether there is a next page.
 */
export async function listSynthesisVersions(
  tx: DbTx,
  debateSlug: string,
  subheadingSlug: string | null,
  before: number | null,
) {
  const place = await readPlace(tx, debateSlug, subheadingSlug);
  if (!place) return null;
  const synthesis = await tx.synthesis.findUnique({
    where: { scopeKey: place.scopeKey },
    select: { id: true, version: true },
  });
  const rows = synthesis
    ? await tx.synthesisVersion.findMany({
        where: { synthesisId: synthesis.id, ...(before !== null && { number: { lt: before } }) },
        orderBy: { number: "desc" },
        take: VERSIONS_PER_PAGE + 1,
        select: {
          id: true,
          number: true,
          status: true,
          body: true,
          authorId: true,
          editorId: true,
          proposalId: true,
          note: true,
          createdAt: true,
        },
      })
    : [];
  const shown = rows.slice(0, VERSIONS_PER_PAGE);
  const people = await loadPeople(
    tx,
    shown.flatMap((v) => [v.authorId, v.editorId]),
  );
  return {
    ...place,
    current: synthesis?.version ?? 0,
    versions: shown.map((v, i) => {
      const previous = rows[i + 1];
      return {
        id: v.id,
        number: v.number,
        status: v.status,
        previousStatus: previous?.status ?? null,
        createdAt: v.createdAt,
        author: personOf(people, v.authorId),
        editor: personOf(people, v.editorId),
        proposalId: v.proposalId,
        note: v.note,
        diff: wordDiff(previous?.body ?? "", v.body),
      };
    }),
    nextBefore: rows.length > VERSIONS_PER_PAGE ? shown[shown.length - 1]!.number : null,
  };
}
export type SynthesisHistory = NonNullable<Awaited<ReturnType<typeof listSynthesisVersions>>>;
