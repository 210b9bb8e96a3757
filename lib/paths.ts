// Every URL the app links to is built here, so a route change is one edit.

export const homePath = () => "/";
export const debatePath = (debateSlug: string) => `/debates/${debateSlug}`;
/** A subheading's first page of contributions, or the page after `cursor`. */
export const subheadingPath = (debateSlug: string, subheadingSlug: string, cursor?: string | null) =>
  `/debates/${debateSlug}/${subheadingSlug}${cursor ? `/after/${cursor}` : ""}`;
/** The post's permalink: it in context, scrolled to. */
export const postPath = (debateSlug: string, postId: string) =>
  `/debates/${debateSlug}/posts/${postId}#${postAnchor(postId)}`;
export const postHistoryPath = (debateSlug: string, postId: string) => `/debates/${debateSlug}/posts/${postId}/history`;
export const postAnchor = (postId: string) => `post-${postId}`;
export const subheadingAnchor = (subheadingSlug: string) => `s-${subheadingSlug}`;

/** Path segments under /debates/<slug>/ that a subheading slug may not take. */
export const RESERVED_SUBHEADING_SLUGS = ["posts", "new", "edit", "manage", "moderation", "settings", "_"] as const;
