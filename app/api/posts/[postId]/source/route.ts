import type { PostSource } from "@/lib/views";
import { requireUser } from "@/server/auth/session";
import { jsonRoute } from "@/server/http/json";
import { getPostSource } from "@/server/posts/edit-post";

/** The Markdown of a post, to fill its edit form: for its author and moderators. */
export async function GET(_request: Request, { params }: RouteContext<"/api/posts/[postId]/source">) {
  return jsonRoute(async (): Promise<PostSource> => {
    const actor = await requireUser();
    return getPostSource({ actor, postId: (await params).postId });
  });
}
