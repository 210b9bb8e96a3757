import { requireUser } from "@/server/auth/session";
import { jsonRoute } from "@/server/http/json";
import { listPostMarks } from "@/server/marks/list-marks";

/** Who marked a post and how: moderators only (marks are public as counts, not anonymous to staff). */
export async function GET(_request: Request, { params }: RouteContext<"/api/posts/[postId]/marks">) {
  const response = await jsonRoute(async () => {
    const actor = await requireUser();
    const { postId } = await params;
    return listPostMarks({ actor, postId });
  });
  response.headers.set("cache-control", "private, no-store");
  return response;
}
