import { getCurrentUser } from "@/server/auth/session";
import { db } from "@/server/db";
import { recordDebateView } from "@/server/debates/record-debate-view";
import { clientAddressOf } from "@/server/http/client-address";
import { isSameOriginFetch } from "@/server/http/same-origin";

// A visit counts one view. The page itself is served from the cache, so the count is recorded
// here, by a beacon the page sends once it is shown (app/debates/[slug]/_components/debate-page-client.tsx). Only that fetch
// counts (same origin, per Fetch Metadata), and only once per visitor per hour.
export async function POST(request: Request, { params }: RouteContext<"/api/debates/[slug]/views">) {
  if (!isSameOriginFetch(request)) return Response.json({ error: "Cross-site requests are refused." }, { status: 403 });
  const { slug } = await params;
  const user = await getCurrentUser();
  const address = clientAddressOf(request.headers);
  const visitor = user ? { userId: user.id } : address ? { address } : null;
  const found = await recordDebateView(db, slug, visitor);
  return found ? new Response(null, { status: 204 }) : Response.json({ error: "No such debate." }, { status: 404 });
}
