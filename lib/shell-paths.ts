// The paths the first script of every page needs (the header, signing in, live updates), apart
// from lib/paths.ts, which re-exports them, so that script does not carry every path of the app.
// Client components loaded with every page import these from here; everything else, lib/paths.

export const homePath = () => "/";
/** The public moderation log, or its page of entries older than `cursor`. */
export const moderationLogPath = (cursor?: string | null) => (cursor ? `/moderation/before/${cursor}` : "/moderation");
/** Sign in (or up), then come back to `returnTo`. */
export const signInPath = (returnTo?: string) =>
  returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in";
export const signUpPath = (returnTo?: string) =>
  returnTo ? `/sign-up?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-up";
/** The live event stream on these topics, resuming after the event `since` when given. */
export const liveApi = (topics: string[], since?: string | null) =>
  `/api/live?topics=${topics.map(encodeURIComponent).join(",")}${since ? `&since=${encodeURIComponent(since)}` : ""}`;
