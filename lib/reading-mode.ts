/**
 * How a member reads a subheading or a thread (User.readingMode): nested (replies under what they
 * answer; the plain URL) or flat (every post in time order, each naming what it answers; …/flat).
 */
export const READING_MODES = [
  { value: "nested", label: "Nested" },
  { value: "flat", label: "Flat, in time order" },
] as const;

export type ReadingMode = (typeof READING_MODES)[number]["value"];
export const DEFAULT_READING_MODE: ReadingMode = "nested";

export function isReadingMode(value: unknown): value is ReadingMode {
  return value === "nested" || value === "flat";
}

/** A stored preference as one of the two (anything else is the default). */
export function asReadingMode(value: string | null | undefined): ReadingMode {
  return isReadingMode(value) ? value : DEFAULT_READING_MODE;
}

/** What GET and POST /api/me/reading-mode answer. */
export type ReadingModeView = { mode: ReadingMode };

export const readingModeApi = () => "/api/me/reading-mode";
/** A subheading's posts in time order; later pages carry the cursor. */
export const flatSubheadingPath = (debateSlug: string, subheadingSlug: string, cursor?: string | null) =>
  `/debates/${debateSlug}/${subheadingSlug}/flat${cursor ? `/after/${cursor}` : ""}`;
/** A thread's posts in time order (named by any of its posts; the page shows the whole thread). */
export const flatThreadPath = (debateSlug: string, postId: string, cursor?: string | null) =>
  `/debates/${debateSlug}/posts/${postId}/flat${cursor ? `/after/${cursor}` : ""}`;
