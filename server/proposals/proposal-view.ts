import "server-only";
import { isProposalClosed, type ProposalSummary } from "@/lib/proposals";
export type { ProposalSummary };
import type { AuthorView } from "@/lib/views";
import type { DbTx } from "../db";
import { authorSelect, toAuthorView } from "../posts/post-view";

export const proposalSelect = {
  id: true,
  statement: true,
  authorId: true,
  createdAt: true,
  closesAt: true,
  closedAt: true,
  closedById: true,
  outcome: true,
  outcomeAt: true,
  outcomeById: true,
  agreeCount: true,
  abstainCount: true,
  disagreeCount: true,
  blockCount: true,
} as const;

type ProposalRow = {
  id: string;
  statement: string;
  authorId: string | null;
  createdAt: Date;
  closesAt: Date;
  closedAt: Date | null;
  closedById: string | null;
  outcome: string | null;
  outcomeAt: Date | null;
  agreeCount: number;
  abstainCount: number;
  disagreeCount: number;
  blockCount: number;
};

/** The people these rows name (Proposal keeps bare user ids), as authors, in one query. */
export async function loadPeople(tx: DbTx, ids: Iterable<string | null>): Promise<Map<string, AuthorView>> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const users = await tx.user.findMany({ where: { id: { in: wanted } }, select: authorSelect });
  return new Map(users.map((u) => [u.id, toAuthorView(u)]));
}

export function toSummary(row: ProposalRow, people: Map<string, AuthorView>, now: Date): ProposalSummary {
  return {
    id: row.id,
    statement: row.statement,
    author: row.authorId ? (people.get(row.authorId) ?? null) : null,
    createdAt: row.createdAt,
    closesAt: row.closesAt,
    closedAt: row.closedAt,
    closed: isProposalClosed(row, now),
    closedEarly: row.closedAt !== null && row.closedById !== null,
    outcome: row.outcome,
    outcomeAt: row.outcomeAt,
    counts: {
      agree: row.agreeCount,
      abstain: row.abstainCount,
      disagree: row.disagreeCount,
      block: row.blockCount,
    },
  };
}

/** Summaries of rows, with their authors. */
export async function toSummaries(tx: DbTx, rows: ProposalRow[], now: Date): Promise<ProposalSummary[]> {
  const people = await loadPeople(
    tx,
    rows.map((r) => r.authorId),
  );
  return rows.map((row) => toSummary(row, people, now));
}
