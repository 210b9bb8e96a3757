import { debateFeedPath } from "@/lib/paths";
import { readDebateFeed } from "@/server/cache/reads";
import { atomResponse, feedNotFound } from "@/server/feeds/feed-response";

/** The debate's Atom feed: its newest 50 visible posts, contributions and replies. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const feed = await readDebateFeed((await params).slug);
  if (!feed) return feedNotFound("debate");
  return atomResponse(request, feed, debateFeedPath(feed.debate.slug));
}
