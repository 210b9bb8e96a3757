import { connection } from "next/server";
import { parseRequestedTopics, userTopic } from "@/lib/live-events";
import { getCurrentUser } from "@/server/auth/session";
import { clientAddressOf } from "@/server/http/client-address";
import { liveHub } from "@/server/live/publish";
import { openLiveStream } from "@/server/live/stream";

/**
 * Live updates as Server-Sent Events: `GET /api/live?topics=debate:…,subheading:…`. Anyone may
 * listen to what pages show; a signed-in member also gets their own `user:` topic, which only the
 * session can add. Events only say what changed: the page refetches (components/live/).
 */
export async function GET(request: Request) {
  await connection(); // per request, never prerendered
  const hub = liveHub();
  if (hub.isClosing) {
    return Response.json({ error: "This server is restarting." }, { status: 503, headers: { "Retry-After": "5" } });
  }
  const url = new URL(request.url);
  const parsed = parseRequestedTopics(url.searchParams.get("topics"));
  if ("error" in parsed) return Response.json({ error: parsed.error }, { status: 400 });
  const user = await getCurrentUser();
  const topics = user ? [...parsed.topics, userTopic(user.id)] : parsed.topics;
  if (topics.length === 0) return Response.json({ error: "No topics to listen to." }, { status: 400 });
  // The browser sends Last-Event-ID when it reconnects by itself; the page's own reopening (new
  // topics, a tab shown again) says where it was with ?since=.
  const lastEventId = request.headers.get("last-event-id") || url.searchParams.get("since") || null;
  // With Redis, listen before answering: what another instance publishes once the page has its
  // stream must reach it (a no-op once this process's subscriber is up; never throws).
  await hub.ready();
  return openLiveStream({
    hub,
    topics,
    address: clientAddressOf(request.headers),
    lastEventId: lastEventId && lastEventId.length <= 100 ? lastEventId : null,
    signal: request.signal,
  });
}
