import "server-only";
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

/** Ids of the first `perSubheading` unpinned contributions of each subheading of a debate. */
export async function firstContributionIds(tx: DbTx, debateId: string, perSubheading: number): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM (
      SELECT "id", ROW_NUMBER() OVER (PARTITION BY "subheadingId" ORDER BY "createdAt", "id") AS "rank"
      FROM "Post"
      WHERE "debateId" = ${debateId} AND "parentId" IS NULL AND "pinnedAt" IS NULL
    ) AS "ranked"
    WHERE "rank" <= ${perSubheading}`;
  return rows.map((row) => row.id);
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
