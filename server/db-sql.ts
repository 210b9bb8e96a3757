import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { provider, type DbTx } from "./db";

// The only raw SQL in the app, run on both databases by the test suite's two legs. It is written in
// the subset SQLite and PostgreSQL share (quoted identifiers, window functions, recursive CTEs);
// anything dialect-specific is here, behind a provider switch.

/** PostgreSQL's integer: a depth bound past it would not fit the parameter. */
const MAX_INT4 = 2 ** 31 - 1;

/**
 * Serialises the transactions that check a limit and then write under it (posting pace, slow
 * mode, sign-in failures, a display name's uniqueness): call it first in the transaction, with a
 * key naming what is counted. SQLite runs one write transaction at a time already (BEGIN
 * IMMEDIATE), so there it does nothing. PostgreSQL, at READ COMMITTED, would let two instances both
 * read the count before either writes: a transaction-scoped advisory lock per key makes the second
 * wait for the first to end, and its reads then see what the first wrote. Keys are taken in sorted
 * order, so two transactions never wait for each other.
 */
export async function lockKeys(tx: DbTx, keys: readonly string[]): Promise<void> {
  if (provider !== "postgresql") return;
  for (const key of [...new Set(keys)].sort()) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
  }
}

/**
 * The debate page's overview: for each of these subheadings, the ids of at most `perSubheading`
 * visible (neither hidden nor deleted) top-level contributions, pinned first, then the most
 * replied, then the newest; in that order, subheading by subheading.
 */
export async function overviewContributionIds(
  tx: DbTx,
  subheadingIds: readonly string[],
  perSubheading: number,
): Promise<{ id: string; subheadingId: string }[]> {
  if (subheadingIds.length === 0) return [];
  return tx.$queryRaw<{ id: string; subheadingId: string }[]>`
    SELECT "id", "subheadingId" FROM (
      SELECT "id", "subheadingId", ROW_NUMBER() OVER (
        PARTITION BY "subheadingId"
        ORDER BY CASE WHEN "pinnedAt" IS NULL THEN 1 ELSE 0 END, "replyCount" DESC, "createdAt" DESC, "id" DESC
      ) AS "rank"
      FROM "Post"
      WHERE "subheadingId" IN (${Prisma.join(subheadingIds)}) AND "parentId" IS NULL
        AND "hiddenAt" IS NULL AND "deletedAt" IS NULL
    ) AS "ranked"
    WHERE "rank" <= ${perSubheading}
    ORDER BY "subheadingId", "rank"`;
}

/** Ids of a post's ancestors, from its thread's top-level contribution down to its parent. */
export async function ancestorIds(tx: DbTx, postId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string; depth: number }[]>`
    WITH RECURSIVE "chain"("id", "parentId", "depth") AS (
      SELECT "id", "parentId", "depth" FROM "Post" WHERE "id" = ${postId}
      UNION ALL
      SELECT "p"."id", "p"."parentId", "p"."depth" FROM "Post" AS "p" JOIN "chain" AS "c" ON "p"."id" = "c"."parentId"
    )
    SELECT "id", "depth" FROM "chain" WHERE "id" <> ${postId} ORDER BY "depth"`;
  return rows.map((row) => row.id);
}

/** Ids of a post's descendants down to `maxDepth` (absolute depth). */
export async function descendantIds(tx: DbTx, postId: string, maxDepth: number): Promise<string[]> {
  maxDepth = Math.min(maxDepth, MAX_INT4);
  const rows = await tx.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE "tree"("id") AS (
      SELECT "id" FROM "Post" WHERE "parentId" = ${postId} AND "depth" <= ${maxDepth}
      UNION ALL
      SELECT "p"."id" FROM "Post" AS "p" JOIN "tree" AS "t" ON "p"."parentId" = "t"."id" WHERE "p"."depth" <= ${maxDepth}
    )
    SELECT "id" FROM "tree"`;
  return rows.map((row) => row.id);
}

/**
 * Counts a new post on its subheading and debate, and moves their last activity forward to `at`
 * (null: an archive post whose date is a stand-in leaves it be): one statement per row instead of
 * four, on the hottest write path.
 */
export async function countNewPost(
  tx: DbTx,
  { subheadingId, debateId, reply, at }: { subheadingId: string; debateId: string; reply: boolean; at: Date | null },
): Promise<void> {
  const contributions = reply ? 0 : 1;
  const replies = reply ? 1 : 0;
  const now = new Date();
  if (at) {
    await tx.$executeRaw`
      UPDATE "Subheading" SET "contributionCount" = "contributionCount" + ${contributions},
        "replyCount" = "replyCount" + ${replies}, "updatedAt" = ${now},
        "lastActivityAt" = CASE WHEN "lastActivityAt" IS NULL OR "lastActivityAt" < ${at} THEN ${at} ELSE "lastActivityAt" END
      WHERE "id" = ${subheadingId}`;
    await tx.$executeRaw`
      UPDATE "Debate" SET "contributionCount" = "contributionCount" + ${contributions},
        "replyCount" = "replyCount" + ${replies}, "updatedAt" = ${now},
        "lastActivityAt" = CASE WHEN "lastActivityAt" < ${at} THEN ${at} ELSE "lastActivityAt" END
      WHERE "id" = ${debateId}`;
  } else {
    await tx.$executeRaw`
      UPDATE "Subheading" SET "contributionCount" = "contributionCount" + ${contributions},
        "replyCount" = "replyCount" + ${replies}, "updatedAt" = ${now}
      WHERE "id" = ${subheadingId}`;
    await tx.$executeRaw`
      UPDATE "Debate" SET "contributionCount" = "contributionCount" + ${contributions},
        "replyCount" = "replyCount" + ${replies}, "updatedAt" = ${now}
      WHERE "id" = ${debateId}`;
  }
}

// Unread (server/unread/): a post is new to a member when it was created after both their baseline
// (when they joined) and their mark on its subheading, if any; never their own, never hidden or
// deleted, never in an archived subheading. The baseline is also the range bound that lets the
// (debateId, createdAt) index do the work: only posts made since the member joined are read.
const newToMember = (userId: string, baseline: Date) => Prisma.sql`
  JOIN "Subheading" AS "s" ON "s"."id" = "p"."subheadingId" AND "s"."archivedAt" IS NULL
  LEFT JOIN "ReadMark" AS "m" ON "m"."userId" = ${userId} AND "m"."subheadingId" = "p"."subheadingId"
  WHERE "p"."createdAt" > ${baseline} AND ("m"."readAt" IS NULL OR "p"."createdAt" > "m"."readAt")
    AND "p"."hiddenAt" IS NULL AND "p"."deletedAt" IS NULL
    AND ("p"."authorId" IS NULL OR "p"."authorId" <> ${userId})`;

/** How many posts are new to a member, per subheading or per debate, in the given debates: one grouped query. */
export async function countNewPosts(
  tx: DbTx,
  {
    userId,
    baseline,
    debateIds,
    by,
  }: { userId: string; baseline: Date; debateIds: string[]; by: "subheading" | "debate" },
): Promise<Map<string, number>> {
  if (debateIds.length === 0) return new Map();
  const key = Prisma.raw(by === "debate" ? `"p"."debateId"` : `"p"."subheadingId"`);
  const rows = await tx.$queryRaw<{ key: string; n: number | bigint }[]>`
    SELECT ${key} AS "key", COUNT(*) AS "n" FROM "Post" AS "p" ${newToMember(userId, baseline)}
      AND "p"."debateId" IN (${Prisma.join(debateIds)})
    GROUP BY ${key}`;
  return new Map(rows.map((row) => [row.key, Number(row.n)]));
}

/** Where a page of new posts starts: after this post, in (subheading position, subheading, createdAt, id) order. */
export type NewPostCursor = { position: number; subheadingId: string; createdAt: Date; id: string };

/**
 * Ids of the posts new to a member in one debate, grouped by subheading in outline order, then
 * oldest first: `take` of them after `after` (keyset, never OFFSET).
 */
export async function newPostIds(
  tx: DbTx,
  {
    userId,
    baseline,
    debateId,
    after,
    take,
  }: { userId: string; baseline: Date; debateId: string; after: NewPostCursor | null; take: number },
): Promise<string[]> {
  const from = after
    ? Prisma.sql`AND ("s"."position" > ${after.position} OR ("s"."position" = ${after.position} AND (
        "s"."id" > ${after.subheadingId} OR ("s"."id" = ${after.subheadingId} AND (
          "p"."createdAt" > ${after.createdAt} OR ("p"."createdAt" = ${after.createdAt} AND "p"."id" > ${after.id}))))))`
    : Prisma.empty;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "p"."id" FROM "Post" AS "p" ${newToMember(userId, baseline)}
      AND "p"."debateId" = ${debateId} ${from}
    ORDER BY "s"."position", "s"."id", "p"."createdAt", "p"."id"
    LIMIT ${take}`;
  return rows.map((row) => row.id);
}

/**
 * Moves a member's read mark on a subheading forward to `readAt`, creating it if need be, in one
 * statement: a mark never moves backwards, even when two tabs mark at once.
 */
export async function advanceReadMark(
  tx: DbTx,
  { userId, subheadingId, debateId, readAt }: { userId: string; subheadingId: string; debateId: string; readAt: Date },
): Promise<void> {
  const now = new Date();
  await tx.$executeRaw`
    INSERT INTO "ReadMark" ("userId", "subheadingId", "debateId", "readAt", "updatedAt")
    VALUES (${userId}, ${subheadingId}, ${debateId}, ${readAt}, ${now})
    ON CONFLICT ("userId", "subheadingId") DO UPDATE SET "readAt" = ${readAt}, "updatedAt" = ${now}
    WHERE "ReadMark"."readAt" < ${readAt}`;
}

/** A notification to write (server/notifications/): its id is made by the caller. */
export type NotificationRow = {
  id: string;
  userId: string;
  kind: string;
  dedupeKey: string;
  postId: string | null;
  actorId: string | null;
  debateId: string | null;
  subheadingId: string | null;
  detail: string | null;
  createdAt: Date;
};

/**
 * Writes notifications, skipping any member who already has one with the same dedupe key (a job
 * processed twice, or by two instances at once, notifies once): one statement per batch. Resolves
 * to the members who got a new one.
 */
export async function insertNotifications(tx: DbTx, rows: readonly NotificationRow[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const values = rows.map(
    (r) =>
      Prisma.sql`(${r.id}, ${r.userId}, ${r.kind}, ${r.dedupeKey}, ${r.postId}, ${r.actorId}, ${r.debateId}, ${r.subheadingId}, ${r.detail}, ${r.createdAt})`,
  );
  const inserted = await tx.$queryRaw<{ userId: string }[]>`
    INSERT INTO "Notification" ("id", "userId", "kind", "dedupeKey", "postId", "actorId", "debateId", "subheadingId", "detail", "createdAt")
    VALUES ${Prisma.join(values)}
    ON CONFLICT ("userId", "dedupeKey") DO NOTHING
    RETURNING "userId"`;
  return inserted.map((row) => row.userId);
}

// Search (server/search/): full-text matches ranked by relevance, never hidden or deleted posts nor
// posts in an archived subheading or debate. SQLite reads the FTS5 table "PostSearch" (bm25, the
// title weighing three times the body); PostgreSQL the generated "searchVector" column (ts_rank_cd,
// the title at weight A). Both scores are made integers, lower is better (bm25 × 10¹², rank × -10⁹):
// a float parameter does not reach the database bit for bit (Prisma rounds its last digit), and a
// keyset must compare a row with the page's last one exactly. So one keyset, (score, id), pages either.
// Snippets are cut for the page's rows only, with MARK_START/MARK_END (\u0002, \u0003) around
// each match: server/search/highlight.ts escapes the text and turns those into <mark>.

/** Where a page of search results starts: after this score (an integer) and post id. */
export type SearchCursor = { score: number; id: string };

export type SearchFilters = {
  debateId: string | null;
  subheadingId: string | null;
  authorId: string | null;
  /** Posts from this instant on, and before `to` (exclusive): posts with no known date never match. */
  from: Date | null;
  to: Date | null;
};

/** A match: the title and snippet are the post's text with the matches marked, not HTML. */
export type SearchMatch = { id: string; score: number | bigint; title: string | null; snippet: string };

/**
 * One page of matches, best first, after `after`: `take` rows at most. `fts` is an FTS5 MATCH
 * expression and `websearch` input for websearch_to_tsquery, both built by server/search/query.ts
 * from the same terms; only the one for the app's database is used.
 */
export async function searchPostMatches(
  tx: DbTx,
  {
    fts,
    websearch,
    filters,
    after,
    take,
  }: { fts: string; websearch: string; filters: SearchFilters; after: SearchCursor | null; take: number },
): Promise<SearchMatch[]> {
  const f = filters;
  const where = Prisma.sql`"p"."hiddenAt" IS NULL AND "p"."deletedAt" IS NULL
    AND "s"."archivedAt" IS NULL AND "d"."archivedAt" IS NULL
    ${f.debateId ? Prisma.sql`AND "p"."debateId" = ${f.debateId}` : Prisma.empty}
    ${f.subheadingId ? Prisma.sql`AND "p"."subheadingId" = ${f.subheadingId}` : Prisma.empty}
    ${f.authorId ? Prisma.sql`AND "p"."authorId" = ${f.authorId}` : Prisma.empty}
    ${f.from || f.to ? Prisma.sql`AND "p"."dateKnown" = TRUE` : Prisma.empty}
    ${f.from ? Prisma.sql`AND "p"."createdAt" >= ${f.from}` : Prisma.empty}
    ${f.to ? Prisma.sql`AND "p"."createdAt" < ${f.to}` : Prisma.empty}`;
  const places = Prisma.sql`JOIN "Subheading" AS "s" ON "s"."id" = "p"."subheadingId"
    JOIN "Debate" AS "d" ON "d"."id" = "p"."debateId"`;

  if (provider === "postgresql") {
    const keyset = after
      ? Prisma.sql`WHERE "score" > ${BigInt(after.score)} OR ("score" = ${BigInt(after.score)} AND "id" > ${after.id})`
      : Prisma.empty;
    const marks = `StartSel=${"\u0002"}, StopSel=${"\u0003"}`;
    return tx.$queryRaw<SearchMatch[]>`
      WITH "q" AS (SELECT websearch_to_tsquery('english', ${websearch}) AS "query"),
      "ranked" AS (
        SELECT "p"."id", "p"."title", "p"."body",
          CAST(-round(ts_rank_cd("p"."searchVector", "q"."query")::float8 * 1000000000) AS BIGINT) AS "score"
        FROM "Post" AS "p" CROSS JOIN "q" ${places}
        WHERE "p"."searchVector" @@ "q"."query" AND ${where}
      ),
      "page" AS (SELECT * FROM "ranked" ${keyset} ORDER BY "score", "id" LIMIT ${take})
      SELECT "page"."id", "page"."score",
        CASE WHEN "page"."title" IS NULL THEN NULL
          ELSE ts_headline('english', "page"."title", "q"."query", ${`HighlightAll=true, ${marks}`}) END AS "title",
        ts_headline('english', left("page"."body", 20000), "q"."query",
          ${`MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … ", ${marks}`}) AS "snippet"
      FROM "page" CROSS JOIN "q"
      ORDER BY "page"."score", "page"."id"`;
  }

  const keyset = after
    ? Prisma.sql`AND ("m"."score" > ${BigInt(after.score)} OR ("m"."score" = ${BigInt(after.score)} AND "p"."id" > ${after.id}))`
    : Prisma.empty;
  return tx.$queryRaw<SearchMatch[]>`
    WITH "page" AS (
      SELECT "p"."id", "p"."rowid" AS "docid", "m"."score"
      FROM (
        SELECT "rowid" AS "docid", CAST(round(bm25("PostSearch", 3.0, 1.0) * 1e12) AS INTEGER) AS "score"
        FROM "PostSearch" WHERE "PostSearch" MATCH ${fts}
      ) AS "m"
      JOIN "Post" AS "p" ON "p"."rowid" = "m"."docid" ${places}
      WHERE ${where} ${keyset}
      ORDER BY "m"."score", "p"."id"
      LIMIT ${take}
    )
    SELECT "page"."id", "page"."score",
      highlight("PostSearch", 0, char(2), char(3)) AS "title",
      snippet("PostSearch", 1, char(2), char(3), '…', 32) AS "snippet"
    FROM "page" JOIN "PostSearch" ON "PostSearch"."rowid" = "page"."docid"
    WHERE "PostSearch" MATCH ${fts}
    ORDER BY "page"."score", "page"."id"`;
}

/**
 * The first `perParent` replies of each of these posts, in (createdAt, id) order: one bounded
 * branch per parent over the (parentId, createdAt, id) index, so a post with thousands of replies
 * costs `perParent` rows, not thousands. Parents go 100 to a statement (SQLite allows 500 branches).
 */
export async function firstReplyIds(
  tx: DbTx,
  parentIds: readonly string[],
  perParent: number,
): Promise<{ id: string; parentId: string }[]> {
  const limit = Prisma.raw(String(Math.max(0, Math.min(Math.floor(perParent), 1000))));
  const rows: { id: string; parentId: string }[] = [];
  for (let i = 0; i < parentIds.length; i += 100) {
    const branches = parentIds.slice(i, i + 100).map(
      (parentId) => Prisma.sql`SELECT * FROM (
        SELECT "id", "parentId" FROM "Post" WHERE "parentId" = ${parentId} ORDER BY "createdAt", "id" LIMIT ${limit}
      ) AS "r"`,
    );
    if (branches.length > 0) rows.push(...(await tx.$queryRaw<typeof rows>`${Prisma.join(branches, " UNION ALL ")}`));
  }
  return rows;
}

/** A visible post: neither hidden by a moderator nor deleted by its author (`alias`: the table's). */
const visiblePost = (alias: string) => Prisma.raw(`"${alias}"."hiddenAt" IS NULL AND "${alias}"."deletedAt" IS NULL`);
/** A question-typed reply that no visible post answers yet. */
const openQuestion = Prisma.sql`"p"."replyType" = 'question' AND NOT EXISTS (
  SELECT 1 FROM "Post" AS "c" WHERE "c"."parentId" = "p"."id" AND ${visiblePost("c")})`;

export type ThreadTypeCount = { rootId: string; replyType: string; count: number; open: number };

/**
 * For each of these threads (top-level post ids), its visible replies per reply type, and how many
 * of its questions no visible post answers yet: one grouped statement over the (rootId, depth) index.
 */
export async function threadTypeCounts(tx: DbTx, rootIds: readonly string[]): Promise<ThreadTypeCount[]> {
  if (rootIds.length === 0) return [];
  const rows = await tx.$queryRaw<
    { rootId: string; replyType: string; count: number | bigint; open: number | bigint }[]
  >`
    SELECT "p"."rootId" AS "rootId", "p"."replyType" AS "replyType", COUNT(*) AS "count",
      SUM(CASE WHEN ${openQuestion} THEN 1 ELSE 0 END) AS "open"
    FROM "Post" AS "p"
    WHERE "p"."rootId" IN (${Prisma.join(rootIds)}) AND "p"."replyType" IS NOT NULL AND ${visiblePost("p")}
    GROUP BY "p"."rootId", "p"."replyType"`;
  return rows.map((r) => ({ rootId: r.rootId, replyType: r.replyType, count: Number(r.count), open: Number(r.open) }));
}

/**
 * "Where we stand" (lib/marks.ts has the why): a subheading's visible posts with at least `minMarks`
 * marks that most agree with. Broad agreement: at least two thirds of all marks (passes included:
 * a post most people pass on is not agreed on) say agree, ranked by the agree share smoothed
 * towards one half by one imaginary mark each way, (agree + 1) / (marks + 2), so 5 of 5 (0.86)
 * ranks below 20 of 20 (0.95) and 9 of 10 (0.83) below both; ties: more marks, then older.
 */
export async function broadestAgreementIds(tx: DbTx, subheadingId: string, minMarks: number, limit: number) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "p"."id" FROM "Post" AS "p"
    WHERE "p"."subheadingId" = ${subheadingId} AND "p"."markCount" >= ${minMarks} AND ${visiblePost("p")}
      AND 3 * "p"."agreeCount" >= 2 * "p"."markCount"
    ORDER BY ("p"."agreeCount" + 1.0) / ("p"."markCount" + 2) DESC, "p"."markCount" DESC, "p"."createdAt", "p"."id"
    LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

/**
 * The most contested: (agree + disagree) × min(agree, disagree) / max(agree, disagree), high only
 * when many took a side and the sides are near even (10–10 scores 20, 19–1 scores 1.05, 3–2
 * scores 3.3). A post qualifies when the smaller side is more than half the larger (so no post is
 * both broadly agreed and contested); passes count towards `minMarks` but take no side.
 */
export async function mostContestedIds(tx: DbTx, subheadingId: string, minMarks: number, limit: number) {
  const low = Prisma.sql`CASE WHEN "p"."agreeCount" < "p"."disagreeCount" THEN "p"."agreeCount" ELSE "p"."disagreeCount" END`;
  const high = Prisma.sql`CASE WHEN "p"."agreeCount" < "p"."disagreeCount" THEN "p"."disagreeCount" ELSE "p"."agreeCount" END`;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "p"."id" FROM "Post" AS "p"
    WHERE "p"."subheadingId" = ${subheadingId} AND "p"."markCount" >= ${minMarks} AND ${visiblePost("p")}
      AND "p"."agreeCount" > 0 AND "p"."disagreeCount" > 0 AND 2 * ${low} > ${high}
    ORDER BY ("p"."agreeCount" + "p"."disagreeCount") * 1.0 * ${low} / ${high} DESC, "p"."markCount" DESC,
      "p"."createdAt", "p"."id"
    LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

/** A subheading's visible questions that no visible post answers yet, longest waiting first. */
export async function openQuestionIds(tx: DbTx, subheadingId: string, limit: number) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "p"."id" FROM "Post" AS "p"
    WHERE "p"."subheadingId" = ${subheadingId} AND ${visiblePost("p")} AND ${openQuestion}
    ORDER BY "p"."createdAt", "p"."id"
    LIMIT ${limit}`;
  return rows.map((r) => r.id);
}
