import type { HiddenPost } from "@/lib/views";
import { requireUser } from "@/server/auth/session";
import { jsonRoute } from "@/server/http/json";
import { getHiddenPost } from "@/server/moderation/posts";

/** A hidden post's content, which moderators still see. */
export async function GET(_request: Request, { params }: RouteContext<"/api/posts/[postId]/hidden">) {
  return jsonRoute(async (): Promise<HiddenPost> => {
    const actor = await requireUser();
    const post = await getHiddenPost({ actor, postId: (await params).postId });
    return { title: post.title, html: post.bodyHtml };
  });
}
