import "server-only";
import { SPLIT_SHOWN_AT, type MarkCounts } from "@/lib/marks";
import { excerptFromHtml } from "@/lib/text";
import type { AuthorView } from "@/lib/views";
import type { DbTx } from "../db";
import { broadestAgreementIds, mostContestedIds, openQuestionIds } from "../db-sql";
import { authorSelect, toAuthorView } from "../posts/post-view";

/** Posts each list of "where we stand" shows at most. */
export const STAND_LIST_MAX = 5;
const HEADLINE_LENGTH = 140;

export type StandLine = {
  id: string;
  headline: string;
  author: AuthorView;
  createdAt: Date;
  dateKnown: boolean;
  marks: MarkCounts;
};

export type WhereWeStand = {
  subheadingId: string;
  broadest: StandLine[];
  contested: StandLine[];
  openQuestions: StandLine[];
};

/**
 * A subheading's "where we stand": the posts most agreed on, the most contested, and the questions
 * still open, at most STAND_LIST_MAX of each (server/db-sql.ts has the formulas). The first two
 * only count posts with SPLIT_SHOWN_AT marks: the same threshold at which a post shows its split,
 * so the lists never say more about a post than the post itself does.
 */
export async function getWhereWeStand(tx: DbTx, subheadingId: string): Promise<WhereWeStand> {
  const [broadest, contested, open] = await Promise.all([
    broadestAgreementIds(tx, subheadingId, SPLIT_SHOWN_AT, STAND_LIST_MAX),
    mostContestedIds(tx, subheadingId, SPLIT_SHOWN_AT, STAND_LIST_MAX),
    openQuestionIds(tx, subheadingId, STAND_LIST_MAX),
  ]);
  const ids = [...new Set([...broadest, ...contested, ...open])];
  const rows = ids.length
    ? await tx.post.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          title: true,
          bodyHtml: true,
          createdAt: true,
          dateKnown: true,
          agreeCount: true,
          disagreeCount: true,
          passCount: true,
          markCount: true,
          author: { select: authorSelect },
        },
      })
    : [];
  const byId = new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        headline: r.title ?? excerptFromHtml(r.bodyHtml, HEADLINE_LENGTH),
        author: toAuthorView(r.author),
        createdAt: r.createdAt,
        dateKnown: r.dateKnown,
        marks: { agree: r.agreeCount, disagree: r.disagreeCount, pass: r.passCount, total: r.markCount },
      } satisfies StandLine,
    ]),
  );
  const lines = (list: string[]) => list.map((id) => byId.get(id)).filter((l): l is StandLine => !!l);
  return { subheadingId, broadest: lines(broadest), contested: lines(contested), openQuestions: lines(open) };
}
