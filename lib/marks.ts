// Agreement marks (issue 12): a signed-in member marks a post agree, disagree or pass; one mark per
// member and post (PostMark's key), changed by choosing another, taken back by choosing the same
// again. Counts are public, but only from SPLIT_SHOWN_AT marks: below that a split names too few
// people (two marks, one each way, say how each of two known members marked) and means nothing.

export const MARK_VALUES = ["agree", "disagree", "pass"] as const;
export type MarkValue = (typeof MARK_VALUES)[number];

export const isMarkValue = (value: unknown): value is MarkValue =>
  typeof value === "string" && (MARK_VALUES as readonly string[]).includes(value);

export const MARK_LABELS: Record<MarkValue, string> = { agree: "Agree", disagree: "Disagree", pass: "Pass" };

/** Marks a post needs before its split is shown, and before "where we stand" may list it. */
export const SPLIT_SHOWN_AT = 5;

/** Posts a page may ask about at once (GET /api/me/marks). */
export const MARKS_QUERY_MAX = 200;

export type MarkCounts = { agree: number; disagree: number; pass: number; total: number };

/** What a reader sees of a post's marks: nothing, "3 marks" below the threshold, or the split. */
export function describeMarks(counts: MarkCounts): string {
  if (counts.total === 0) return "";
  if (counts.total < SPLIT_SHOWN_AT) return counts.total === 1 ? "1 mark" : `${counts.total} marks`;
  return `${counts.agree} agree · ${counts.disagree} disagree · ${counts.pass} pass`;
}

/** The member's own mark after choosing `chosen` when they had `mine`: the same again takes it back. */
export function nextMark(mine: MarkValue | null, chosen: MarkValue): MarkValue | null {
  return mine === chosen ? null : chosen;
}

export const myMarksApi = (postIds: readonly string[]) =>
  `/api/me/marks?posts=${postIds.map(encodeURIComponent).join(",")}`;
export const postMarksApi = (postId: string) => `/api/posts/${encodeURIComponent(postId)}/marks`;
