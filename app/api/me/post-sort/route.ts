import { requireUser } from "@/server/auth/session";
import { jsonRoute } from "@/server/http/json";
import { getPostSort } from "@/server/users/post-sort";
import type { PostSortView } from "@/lib/views";

/** The signed-in member's order for subheadings: the subheading page moves to it (pages stay the same for everyone). */
export async function GET() {
  const response = await jsonRoute(async (): Promise<PostSortView> => {
    const actor = await requireUser();
    return { sort: await getPostSort(actor.id) };
  });
  response.headers.set("cache-control", "private, no-store");
  return response;
}
