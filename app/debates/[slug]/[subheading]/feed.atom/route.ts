import { subheadingFeedPath } from "@/lib/paths";
import { readRenamedSubheading, readSubheadingFeed } from "@/server/cache/reads";
import { atomResponse, feedNotFound, feedRedirect } from "@/server/feeds/feed-response";

/** A subheading's Atom feed: its newest 50 visible posts. A renamed subheading's old address redirects. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; subheading: string }> }) {
  const { slug, subheading } = await params;
  const feed = await readSubheadingFeed(slug, subheading);
  if (feed?.subheading) return atomResponse(request, feed, subheadingFeedPath(feed.debate.slug, feed.subheading.slug));
  const renamed = await readRenamedSubheading(slug, subheading);
  if (renamed) return feedRedirect(subheadingFeedPath(slug, renamed), true);
  return feedNotFound("subheading");
}
