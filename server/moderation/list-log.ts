import "server-only";
import type { DbTx } from "../db";

const PAGE = 50;

/**
 * The public moderation log, newest first, keyset-paged. Names the moderator, the action, what it
 * was done to and why; never who reported anything.
 */
export async function listModerationLog(tx: DbTx, before: { createdAt: Date; id: string } | null) {
  const rows = await tx.moderationAction.findMany({
    where: before
      ? { OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, id: { lt: before.id } }] }
      : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE + 1,
    select: {
      id: true,
      action: true,
      reason: true,
      detail: true,
      createdAt: true,
      postId: true,
      debateId: true,
      subheadingId: true,
      targetUserId: true,
      fromSubheadingId: true,
      toSubheadingId: true,
      actor: { select: { name: true } },
    },
  });
  const page = rows.slice(0, PAGE);
  // Names for what the entries point at, in three queries for the whole page.
  const ids = (key: "debateId" | "subheadingId" | "fromSubheadingId" | "toSubheadingId" | "targetUserId") => [
    ...new Set(page.map((r) => r[key]).filter((v): v is string => !!v)),
  ];
  const [debates, subheadings, users] = await Promise.all([
    tx.debate.findMany({ where: { id: { in: ids("debateId") } }, select: { id: true, slug: true, title: true } }),
    tx.subheading.findMany({
      where: { id: { in: [...ids("subheadingId"), ...ids("fromSubheadingId"), ...ids("toSubheadingId")] } },
      select: { id: true, slug: true, title: true },
    }),
    tx.user.findMany({ where: { id: { in: ids("targetUserId") } }, select: { id: true, name: true } }),
  ]);
  const debate = new Map(debates.map((d) => [d.id, d]));
  const subheading = new Map(subheadings.map((s) => [s.id, s]));
  const user = new Map(users.map((u) => [u.id, u.name]));
  return {
    entries: page.map((r) => ({
      id: r.id,
      action: r.action,
      reason: r.reason,
      detail: r.detail,
      createdAt: r.createdAt,
      moderator: r.actor?.name ?? "a former moderator",
      postId: r.postId,
      debate: r.debateId ? (debate.get(r.debateId) ?? null) : null,
      subheading: r.subheadingId ? (subheading.get(r.subheadingId) ?? null) : null,
      from: r.fromSubheadingId ? (subheading.get(r.fromSubheadingId) ?? null) : null,
      to: r.toSubheadingId ? (subheading.get(r.toSubheadingId) ?? null) : null,
      targetUser: r.targetUserId ? (user.get(r.targetUserId) ?? null) : null,
    })),
    next: rows.length > PAGE ? { createdAt: page.at(-1)!.createdAt, id: page.at(-1)!.id } : null,
  };
}
