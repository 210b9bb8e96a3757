import "server-only";
import type { DebateUnread, HomeUnread } from "@/lib/unread";
import { db } from "../db";
import { countNewPosts } from "../db-sql";
import { AppError } from "../errors";
import { unreadBaseline } from "./baseline";

type Member = { id: string; createdAt: Date };

/** How many debates the home page lists (server/debates/list-debates.ts): the counts cover the same ones. */
const HOME_DEBATES = 100;

/** New posts per open subheading of one debate, for the outline; and their sum, for "catch up". */
export async function countNewInDebate(member: Member, debateId: string): Promise<DebateUnread> {
  const debate = await db.debate.findUnique({ where: { id: debateId }, select: { id: true } });
  if (!debate) throw new AppError("NOT_FOUND", "There is no such debate.");
  const counts = await countNewPosts(db, {
    userId: member.id,
    baseline: unreadBaseline(member),
    debateIds: [debate.id],
    by: "subheading",
  });
  const subheadings = Object.fromEntries(counts);
  return { subheadings, total: [...counts.values()].reduce((sum, n) => sum + n, 0) };
}

/** New posts per debate, for the home page's list (the debates it shows). */
export async function countNewPerDebate(member: Member): Promise<HomeUnread> {
  const debates = await db.debate.findMany({
    where: { archivedAt: null },
    orderBy: [{ pinned: "desc" }, { lastActivityAt: "desc" }, { id: "asc" }],
    take: HOME_DEBATES,
    select: { id: true },
  });
  const counts = await countNewPosts(db, {
    userId: member.id,
    baseline: unreadBaseline(member),
    debateIds: debates.map((d) => d.id),
    by: "debate",
  });
  return { debates: Object.fromEntries(counts) };
}
