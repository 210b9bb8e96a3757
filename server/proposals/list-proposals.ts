import "server-only";
import type { Cursor } from "@/lib/cursor";
import { PROPOSALS_ON_SUBHEADING, PROPOSALS_PER_PAGE } from "@/lib/proposals";
import type { DbTx } from "../db";
import { proposalSelect, toSummaries, type ProposalSummary } from "./proposal-view";

export type SubheadingProposals = {
  /** The open ones, closing soonest first (at most PROPOSALS_ON_SUBHEADING). */
  open: ProposalSummary[];
  /** The closed ones, newest first (at most PROPOSALS_ON_SUBHEADING), with their outcomes. */
  closed: ProposalSummary[];
  /** Closed ones with an outcome, latest outcome first (at most PROPOSALS_ON_SUBHEADING): the decisions. */
  decisions: ProposalSummary[];
  /** How many there are in all, open or not (the link to the full list says it). */
  total: number;
};

/** A subheading's proposals as its page shows them: a few of each kind, bounded whatever it holds. */
export async function getSubheadingProposals(
  tx: DbTx,
  subheadingId: string,
  now = new Date(),
): Promise<SubheadingProposals> {
  const take = PROPOSALS_ON_SUBHEADING;
  const closedWhere = { OR: [{ closedAt: { not: null } }, { closesAt: { lte: now } }] };
  const [open, closed, decisions, total] = await Promise.all([
    tx.proposal.findMany({
      where: { subheadingId, closedAt: null, closesAt: { gt: now } },
      orderBy: [{ closesAt: "asc" }, { id: "asc" }],
      take,
      select: proposalSelect,
    }),
    tx.proposal.findMany({
      where: { subheadingId, ...closedWhere },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: proposalSelect,
    }),
    tx.proposal.findMany({
      where: { subheadingId, outcome: { not: null } },
      orderBy: [{ outcomeAt: "desc" }, { id: "desc" }],
      take,
      select: proposalSelect,
    }),
    tx.proposal.count({ where: { subheadingId } }),
  ]);
  const [o, c, d] = await Promise.all([
    toSummaries(tx, open, now),
    toSummaries(tx, closed, now),
    toSummaries(tx, decisions, now),
  ]);
  return { open: o, closed: c, decisions: d, total };
}

/** All of a subheading's proposals, newest first, a keyset page at a time over (subheadingId, createdAt, id). */
export async function listProposals(
  tx: DbTx,
  subheadingId: string,
  after: Cursor | null,
  now = new Date(),
): Promise<{ proposals: ProposalSummary[]; next: Cursor | null }> {
  const rows = await tx.proposal.findMany({
    where: {
      subheadingId,
      ...(after && {
        OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }],
      }),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PROPOSALS_PER_PAGE + 1,
    select: proposalSelect,
  });
  const page = rows.slice(0, PROPOSALS_PER_PAGE);
  const last = page.at(-1);
  return {
    proposals: await toSummaries(tx, page, now),
    next: rows.length > PROPOSALS_PER_PAGE && last ? { createdAt: last.createdAt, id: last.id } : null,
  };
}

/**
 * The debate outline's line per subheading: how many decisions (proposals with an outcome) and the
 * latest one's words. One grouped count and one row per subheading, however many there are.
 */
export async function getDebateDecisions(
  tx: DbTx,
  debateId: string,
): Promise<{ subheadingId: string; count: number; latest: string }[]> {
  const where = { debateId, outcome: { not: null } };
  const [counts, latest] = await Promise.all([
    tx.proposal.groupBy({ by: ["subheadingId"], where, _count: { _all: true } }),
    tx.proposal.findMany({
      where,
      orderBy: [{ outcomeAt: "desc" }, { id: "desc" }],
      distinct: ["subheadingId"],
      select: { subheadingId: true, outcome: true },
    }),
  ]);
  const words = new Map(latest.map((p) => [p.subheadingId, p.outcome ?? ""]));
  return counts.map((c) => ({
    subheadingId: c.subheadingId,
    count: c._count._all,
    latest: words.get(c.subheadingId) ?? "",
  }));
}
