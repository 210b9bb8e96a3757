import { requireUser } from "@/server/auth/session";
import { jsonRoute } from "@/server/http/json";
import { listMyMarks } from "@/server/marks/list-marks";

/**
 * Which of `?posts=<id>,<id>,…` (a page's posts, at most 200) the signed-in member marked, and how:
 * their own buttons show pressed while the pages stay cached and the same for everyone.
 */
export async function GET(request: Request) {
  const response = await jsonRoute(async () => {
    const actor = await requireUser();
    const posts = (new URL(request.url).searchParams.get("posts") ?? "").split(",").filter(Boolean);
    return listMyMarks(actor.id, posts);
  });
  response.headers.set("cache-control", "private, no-store");
  return response;
}
