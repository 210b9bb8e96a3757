/**
 * How a subheading's contributions are ordered (User.postSort): oldest first (the default and the
 * plain URL), newest first, or most direct replies first. Replies within a thread always read in
 * time order, oldest first: a conversation is read in the order it was held.
 */
export const POST_SORTS = [
  { value: "oldest", label: "Oldest first" },
  { value: "newest", label: "Newest first" },
  { value: "replies", label: "Most replies" },
] as const;

export type PostSort = (typeof POST_SORTS)[number]["value"];
export const DEFAULT_POST_SORT: PostSort = "oldest";

export function isPostSort(value: unknown): value is PostSort {
  return value === "oldest" || value === "newest" || value === "replies";
}

/** A stored preference as one of the three (anything else is the default). */
export function asPostSort(value: string | null | undefined): PostSort {
  return isPostSort(value) ? value : DEFAULT_POST_SORT;
}
