// Every URL the app links to or calls is built here (and in ./shell-paths.ts, re-exported), so a
// route change is one edit.
export { homePath, liveApi, moderationLogPath, signInPath, signUpPath } from "./shell-paths";

export const debatePath = (debateSlug: string) => `/debates/${debateSlug}`;
export const newDebatePath = () => "/debates/new";
export const manageDebatePath = (debateSlug: string) => `/debates/${debateSlug}/manage`;
/** The posts of a debate new to the signed-in member ("new" is a reserved subheading slug), or the page after `cursor`. */
export const catchUpPath = (debateSlug: string, cursor?: string | null) =>
  `/debates/${debateSlug}/new${cursor ? `?after=${encodeURIComponent(cursor)}` : ""}`;
/** A subheading's first page of contributions, or the page after `cursor`. */
export const subheadingPath = (debateSlug: string, subheadingSlug: string, cursor?: string | null) =>
  `/debates/${debateSlug}/${subheadingSlug}${cursor ? `/after/${cursor}` : ""}`;
/**
 * A subheading's first page under an explicit order ("oldest" too: a member who picks it is not
 * moved to their saved order). Later pages of every order: subheadingPath's cursor, which carries the sort.
 */
export const sortedSubheadingPath = (debateSlug: string, subheadingSlug: string, sort: string) =>
  `/debates/${debateSlug}/${subheadingSlug}/sort/${sort}`;
/** The post's permalink: it in context, scrolled to. */
export const postPath = (debateSlug: string, postId: string) =>
  `${postPagePath(debateSlug, postId)}#${postAnchor(postId)}`;
/** A post's own page, opened at its top: for a contribution, which has nothing above it to scroll past. */
export const postPagePath = (debateSlug: string, postId: string) => `/debates/${debateSlug}/posts/${postId}`;
export const postHistoryPath = (debateSlug: string, postId: string) => `/debates/${debateSlug}/posts/${postId}/history`;
export const postAnchor = (postId: string) => `post-${postId}`;
// Atom feeds: slugs hold no dots, so no subheading can be called "feed.atom".
export const debateFeedPath = (debateSlug: string) => `/debates/${debateSlug}/feed.atom`;
export const subheadingFeedPath = (debateSlug: string, subheadingSlug: string) =>
  `/debates/${debateSlug}/${subheadingSlug}/feed.atom`;
/** A thread's feed: the top-level contribution `rootId` and all its replies. */
export const threadFeedPath = (debateSlug: string, rootId: string) =>
  `/debates/${debateSlug}/posts/${rootId}/feed.atom`;
/** The one-click unsubscribe page of an email (the token says who; no sign-in needed). */
export const unsubscribePath = (token: string) => `/email/unsubscribe?token=${encodeURIComponent(token)}`;
/** Where a mail client's RFC 8058 one-click POST (and the page's button) go. */
export const unsubscribeApi = (token: string) => `/email/unsubscribe/one-click?token=${encodeURIComponent(token)}`;
export const subheadingAnchor = (subheadingSlug: string) => `s-${subheadingSlug}`;

/** A member's (or an archive author's) profile, or its page of posts older than `cursor`. */
export const personPath = (handle: string, cursor?: string | null) =>
  `/people/${encodeURIComponent(handle)}${cursor ? `/after/${cursor}` : ""}`;

/** What /search can be asked: each filter is left out of the URL when empty. */
export type SearchQuery = {
  q?: string | null;
  debate?: string | null;
  subheading?: string | null;
  author?: string | null;
  from?: string | null;
  to?: string | null;
  after?: string | null;
};
/** Search results (a query, its filters, the page after the cursor `after`), or the empty search form. */
export const searchPath = (query: SearchQuery = {}) => {
  const params = new URLSearchParams();
  for (const key of ["q", "debate", "subheading", "author", "from", "to", "after"] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  const search = params.toString();
  return search ? `/search?${search}` : "/search";
};

export const accountPath = () => "/account";
/** The signed-in member's notifications, or the page of those older than `cursor`. */
export const notificationsPath = (cursor?: string | null) =>
  cursor ? `/notifications?before=${encodeURIComponent(cursor)}` : "/notifications";

export const reportsPath = (status: "open" | "resolved" = "open") =>
  status === "open" ? "/moderation/reports" : "/moderation/reports?status=resolved";
export const membersPath = () => "/moderation/users";

// JSON endpoints the browser calls.
export const debateViewsApi = (debateSlug: string) => `/api/debates/${encodeURIComponent(debateSlug)}/views`;
export const postSourceApi = (postId: string) => `/api/posts/${encodeURIComponent(postId)}/source`;
export const reportedApi = (postIds: string[]) => `/api/me/reported?posts=${postIds.map(encodeURIComponent).join(",")}`;
export const hiddenPostApi = (postId: string) => `/api/posts/${encodeURIComponent(postId)}/hidden`;
export const previewApi = () => "/api/preview";
export const notificationCountApi = () => "/api/me/notifications/count";
/** The member's follow or mute of each "debate:<id>", "subheading:<id>" or "thread:<id>". */
export const followsApi = (targets: readonly string[]) =>
  `/api/me/follows?targets=${encodeURIComponent(targets.join(","))}`;
/** What is new to the signed-in member: a debate's subheadings, a subheading's posts, or (no argument) every debate. */
export const unreadApi = (about?: { debate: string } | { subheading: string }) =>
  about
    ? `/api/me/unread?${"debate" in about ? `debate=${encodeURIComponent(about.debate)}` : `subheading=${encodeURIComponent(about.subheading)}`}`
    : "/api/me/unread";
/** GET: the signed-in member's saved order for subheadings. */
export const postSortApi = () => "/api/me/post-sort";
/** POST: mark a subheading read up to a time. */
export const readMarkApi = () => "/api/me/read";
/** Members whose handle or display name starts with `prefix` (the compose form's @mention suggestions). */
export const peopleApi = (prefix: string) => `/api/people?prefix=${encodeURIComponent(prefix)}`;

/** Path segments under /debates/<slug>/ that a subheading slug may not take. */
export const RESERVED_SUBHEADING_SLUGS = [
  "posts",
  "new",
  "edit",
  "manage",
  "moderation",
  "settings",
  "synthesis",
  "_",
] as const;
