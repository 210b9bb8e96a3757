// How a reply relates to the post it answers (issue 12): said by its author when replying, changed
// later by them or a moderator. Null: not said (always so on a top-level contribution).

export const REPLY_TYPES = ["supports", "challenges", "question", "evidence", "clarifies"] as const;
export type ReplyType = (typeof REPLY_TYPES)[number];

export const isReplyType = (value: unknown): value is ReplyType =>
  typeof value === "string" && (REPLY_TYPES as readonly string[]).includes(value);

/** The label on a reply, and the option in the forms. */
export const REPLY_TYPE_LABELS: Record<ReplyType, string> = {
  supports: "Supports",
  challenges: "Challenges",
  question: "Question",
  evidence: "Evidence",
  clarifies: "Clarifies",
};

/** How a count of each reads in a sentence ("3 challenges", "1 question"). */
const NOUNS: Record<ReplyType, [string, string]> = {
  supports: ["reply in support", "replies in support"],
  challenges: ["challenge", "challenges"],
  question: ["question", "questions"],
  evidence: ["reply with evidence", "replies with evidence"],
  clarifies: ["clarification", "clarifications"],
};

/**
 * The filter's path segment for each type (…/type/challenges), plural like the list it shows; the
 * stored value is the singular-free word of REPLY_TYPES.
 */
export const REPLY_TYPE_SLUGS: Record<ReplyType, string> = {
  supports: "supports",
  challenges: "challenges",
  question: "questions",
  evidence: "evidence",
  clarifies: "clarifications",
};

export function replyTypeFromSlug(slug: string): ReplyType | null {
  return REPLY_TYPES.find((t) => REPLY_TYPE_SLUGS[t] === slug) ?? null;
}

export function countOfType(type: ReplyType, count: number): string {
  const [one, many] = NOUNS[type];
  return `${count.toLocaleString("en-GB")} ${count === 1 ? one : many}`;
}

/** Visible replies of a thread per type, and its questions with no visible reply yet. */
export type ReplyTypeCounts = Partial<Record<ReplyType, number>> & { openQuestions?: number };

/**
 * The line at the top of a thread: "3 challenges, 2 questions (1 open)". Empty when no reply
 * said how it relates.
 */
export function describeTypeCounts(counts: ReplyTypeCounts | null | undefined): string {
  if (!counts) return "";
  const parts: string[] = [];
  for (const type of REPLY_TYPES) {
    const n = counts[type] ?? 0;
    if (n === 0) continue;
    const open = type === "question" ? (counts.openQuestions ?? 0) : 0;
    parts.push(open > 0 ? `${countOfType(type, n)} (${open.toLocaleString("en-GB")} open)` : countOfType(type, n));
  }
  return parts.join(", ");
}

export type FilterOrder = "newest" | "oldest";

/** A subheading's replies of one type, flat: newest first unless `order` says oldest; later pages by cursor. */
export function typeFilterPath(
  debateSlug: string,
  subheadingSlug: string,
  type: ReplyType,
  order: FilterOrder = "newest",
  cursor?: string | null,
): string {
  const base = `/debates/${debateSlug}/${subheadingSlug}/type/${REPLY_TYPE_SLUGS[type]}`;
  if (cursor) return `${base}/${order}/after/${cursor}`;
  return order === "newest" ? base : `${base}/${order}`;
}
