import { requireUser } from "@/server/auth/session";
import { getFollowStates, parseFollowTargets } from "@/server/follows/follow-states";
import { jsonRoute } from "@/server/http/json";

/**
 * The signed-in member's follow or mute of each target in `?targets=debate:<id>,thread:<id>,…`
 * (at most 20), and their "follow threads I post in" setting: the per-user part of cached pages.
 */
export async function GET(request: Request) {
  const response = await jsonRoute(async () => {
    const actor = await requireUser();
    const targets = parseFollowTargets(new URL(request.url).searchParams.get("targets"));
    return getFollowStates(actor.id, targets);
  });
  response.headers.set("cache-control", "private, no-store");
  return response;
}
