// Every URL the app links to or calls is built here, so a route change is one edit.

export const homePath = () => "/";
export const debatePath = (debateSlug: string) => `/debates/${debateSlug}`;
export const newDebatePath = () => "/debates/new";
export const manageDebatePath = (debateSlug: string) => `/debates/${debateSlug}/manage`;
/** A subheading's first page of contributions, or the page after `cursor`. */
export const subheadingPath = (debateSlug: string, subheadingSlug: string, cursor?: string | null) =>
  `/debates/${debateSlug}/${subheadingSlug}${cursor ? `/after/${cursor}` : ""}`;
/** The post's permalink: it in context, scrolled to. */
export const postPath = (debateSlug: string, postId: string) =>
  `/debates/${debateSlug}/posts/${postId}#${postAnchor(postId)}`;
export const postHistoryPath = (debateSlug: string, postId: string) => `/debates/${debateSlug}/posts/${postId}/history`;
export const postAnchor = (postId: string) => `post-${postId}`;
export const subheadingAnchor = (subheadingSlug: string) => `s-${subheadingSlug}`;

export const accountPath = () => "/account";
/** Sign in (or up), then come back to `returnTo`. */
export const signInPath = (returnTo?: string) =>
  returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in";
export const signUpPath = (returnTo?: string) =>
  returnTo ? `/sign-up?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-up";

/** The public moderation log, or its page of entries older than `cursor`. */
export const moderationLogPath = (cursor?: string | null) => (cursor ? `/moderation/before/${cursor}` : "/moderation");
export const reportsPath = (status: "open" | "resolved" = "open") =>
  status === "open" ? "/moderation/reports" : "/moderation/reports?status=resolved";
export const membersPath = () => "/moderation/users";

// JSON endpoints the browser calls.
export const debateViewsApi = (debateSlug: string) => `/api/debates/${encodeURIComponent(debateSlug)}/views`;
export const postSourceApi = (postId: string) => `/api/posts/${encodeURIComponent(postId)}/source`;
export const hiddenPostApi = (postId: string) => `/api/posts/${encodeURIComponent(postId)}/hidden`;
export const previewApi = () => "/api/preview";

/** Path segments under /debates/<slug>/ that a subheading slug may not take. */
export const RESERVED_SUBHEADING_SLUGS = ["posts", "new", "edit", "manage", "moderation", "settings", "_"] as const;
