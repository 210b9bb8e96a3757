import { requireUser } from "@/server/auth/session";
import { AppError } from "@/server/errors";
import { jsonRoute } from "@/server/http/json";
import { getMyVote } from "@/server/proposals/my-vote";

/**
 * The signed-in member's own vote on `?proposal=<id>` (`{ vote: null }` when none): the vote form
 * starts from it while the proposal's page stays cached and the same for everyone.
 */
export async function GET(request: Request) {
  const response = await jsonRoute(async () => {
    const actor = await requireUser();
    const proposalId = new URL(request.url).searchParams.get("proposal") ?? "";
    if (!proposalId || proposalId.length > 64) throw new AppError("INVALID", "Name one proposal.");
    return { vote: await getMyVote(actor.id, proposalId) };
  });
  response.headers.set("cache-control", "private, no-store");
  return response;
}
