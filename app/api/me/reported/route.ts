import { requireUser } from "@/server/auth/session";
import { jsonRoute } from "@/server/http/json";
import { listReportedByMe } from "@/server/moderation/reports";

/**
 * Which of `?posts=<id>,<id>,…` (a page's posts, at most 200) the signed-in member has an open
 * report on: posts say "You reported this post" while the pages stay cached and the same for all.
 */
export async function GET(request: Request) {
  const response = await jsonRoute(async () => {
    const actor = await requireUser();
    const posts = (new URL(request.url).searchParams.get("posts") ?? "").split(",").filter(Boolean);
    return listReportedByMe(actor.id, posts);
  });
  response.headers.set("cache-control", "private, no-store");
  return response;
}
