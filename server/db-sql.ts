import "server-only";
import type { DbTx } from "./db";

// The only raw SQL in the app. It is written in the subset SQLite and PostgreSQL share
// (quoted identifiers, window functions, recursive CTEs) so PostgreSQL support can reuse it;
// anything dialect-specific must be added here, behind a provider switch.

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
