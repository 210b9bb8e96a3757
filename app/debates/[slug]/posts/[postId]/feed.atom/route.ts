import { threadFeedPath } from "@/lib/paths";
import { readThreadFeed } from "@/server/cache/reads";
import { atomResponse, feedNotFound, feedRedirect } from "@/server/feeds/feed-response";
import { isThreadFeedRedirect } from "@/server/feeds/get-feed";

/**
 * A thread's Atom feed: the top-level contribution and its replies, newest 50 visible. Asked of a
 * reply, it redirects (temporarily: a moderator may yet move the reply out) to its thread's feed.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; postId: string }> }) {
  const { slug, postId } = await params;
  const feed = await readThreadFeed(slug, postId);
  if (!feed) return feedNotFound("thread");
  if (isThreadFeedRedirect(feed)) return feedRedirect(threadFeedPath(feed.debateSlug, feed.rootId), false);
  return atomResponse(request, feed, threadFeedPath(feed.debate.slug, feed.thread!.id));
}
