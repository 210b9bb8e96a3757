import { postSortSchema } from "@/lib/schemas/post-sort";
import type { PostSortView } from "@/lib/views";
import { requireUser } from "@/server/auth/session";
import { AppError } from "@/server/errors";
import { jsonRoute } from "@/server/http/json";
import { isSameOrigin } from "@/server/http/same-origin";
import { getPostSort, setPostSort } from "@/server/users/post-sort";

/** The signed-in member's order for subheadings: the subheading page moves to it (pages stay the same for everyone). */
export async function GET() {
  const response = await jsonRoute(async (): Promise<PostSortView> => {
    const actor = await requireUser();
    return { sort: await getPostSort(actor.id) };
  });
  response.headers.set("cache-control", "private, no-store");
  return response;
}

/**
 * Remembers the order a member picks, from a page of this site. A plain request, not a Server
 * Action: the picker navigates to the order at once, and an action's answer, applied by Next's
 * router, could put the page back on the URL it was sent from.
 */
export async function POST(request: Request): Promise<Response> {
  const response = await jsonRoute(async (): Promise<PostSortView> => {
    if (!isSameOrigin(request))
      throw new AppError("FORBIDDEN", "This request did not come from this site, so it was refused.");
    const actor = await requireUser();
    const parsed = postSortSchema.safeParse(await request.json().catch(() => null));
    if (!parsed.success) throw new AppError("INVALID", parsed.error.issues[0]?.message ?? "Choose one of the orders.");
    await setPostSort({ actor, sort: parsed.data.sort });
    return { sort: parsed.data.sort };
  });
  response.headers.set("cache-control", "private, no-store");
  return response;
}
