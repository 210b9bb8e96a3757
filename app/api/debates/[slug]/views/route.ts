import { db } from "@/server/db";
import { recordDebateView } from "@/server/debates/record-debate-view";
import { isSameOrigin } from "@/server/http/same-origin";

// A visit counts one view. The page itself is served from the cache, so the count is recorded
// here, by a beacon the page sends once it is shown (components/view-beacon.tsx).
export async function POST(request: Request, { params }: RouteContext<"/api/debates/[slug]/views">) {
  if (!isSameOrigin(request)) return Response.json({ error: "Cross-site requests are refused." }, { status: 403 });
  const { slug } = await params;
  const found = await recordDebateView(db, slug);
  return found ? new Response(null, { status: 204 }) : Response.json({ error: "No such debate." }, { status: 404 });
}
