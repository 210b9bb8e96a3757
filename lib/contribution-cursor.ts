import type { PostSort } from "./post-sort";
import { z } from "./schemas/zod";

/**
 * A keyset position in a subheading's contributions under one sort: the last row of the previous
 * page, with the sort key it was ordered by (its reply count under "replies"). The sort travels in
 * the cursor, so /after/<cursor> serves every sort and each page stays one cacheable URL.
 */
export type ContributionCursor = { sort: PostSort; createdAt: Date; id: string; replyCount: number };

const cursorSchema = z.object({
  s: z.enum(["newest", "replies"]).optional(),
  t: z.iso.datetime(),
  i: z.string().min(1).max(64),
  r: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
});

export function encodeContributionCursor(cursor: ContributionCursor): string {
  // An "oldest" cursor is written exactly as before sorts existed, so old links keep working.
  const json = JSON.stringify({
    ...(cursor.sort !== "oldest" && { s: cursor.sort }),
    t: cursor.createdAt.toISOString(),
    i: cursor.id,
    ...(cursor.sort === "replies" && { r: cursor.replyCount }),
  });
  return Buffer.from(json, "utf8").toString("base64url");
}

/** Null for anything that is not a cursor we wrote (the page answers 404). */
export function decodeContributionCursor(raw: string | null | undefined): ContributionCursor | null {
  if (!raw || raw.length > 300) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    if (!parsed.success) return null;
    const sort = parsed.data.s ?? "oldest";
    if (sort === "replies" && parsed.data.r === undefined) return null;
    return { sort, createdAt: new Date(parsed.data.t), id: parsed.data.i, replyCount: parsed.data.r ?? 0 };
  } catch {
    return null;
  }
}
