import "server-only";
import { synthesisScopeKey } from "@/lib/synthesis";
import type { AuthorView } from "@/lib/views";
import type { DbTx } from "../db";
import { authorSelect, toAuthorView } from "../posts/post-view";

/** The place a synthesis page shows, by its URL: the debate, and the subheading (null: the debate's own). */
export async function readPlace(tx: DbTx, debateSlug: string, subheadingSlug: string | null) {
  const debate = await tx.debate.findUnique({
    where: { slug: debateSlug },
    select: { id: true, slug: true, title: true, authorId: true, locked: true },
  });
  if (!debate) return null;
  let subheading: { id: string; slug: string; title: string } | null = null;
  if (subheadingSlug !== null) {
    subheading = await tx.subheading.findFirst({
      where: { debateId: debate.id, slug: subheadingSlug, archivedAt: null },
      select: { id: true, slug: true, title: true },
    });
    if (!subheading) return null;
  }
  const scopeKey = synthesisScopeKey({ debateId: debate.id, subheadingId: subheading?.id ?? null });
  return { debate, subheading, scopeKey };
}

/** The members named (authors, editors, deciders), by id: the synthesis tables keep ids, not relations. */
export async function loadPeople(tx: DbTx, ids: Iterable<string | null>): Promise<Map<string, AuthorView>> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const users = await tx.user.findMany({ where: { id: { in: wanted } }, select: authorSelect });
  return new Map(users.map((u) => [u.id, toAuthorView(u)]));
}

export const personOf = (people: Map<string, AuthorView>, id: string | null): AuthorView =>
  id ? (people.get(id) ?? null) : null;
