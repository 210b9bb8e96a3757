import { requireUser } from "@/server/auth/session";
import { AppError } from "@/server/errors";
import { jsonRoute } from "@/server/http/json";
import type { PeopleSuggestions } from "@/lib/views";
import { findPeople, PREFIX_MAX } from "@/server/users/find-people";

/**
 * GET /api/people?prefix=…: the compose form's @mention suggestions, for signed-in members: at most
 * 8 members whose handle or display name starts with the prefix (handle, name, badge; never an email).
 */
export async function GET(request: Request) {
  return jsonRoute(async (): Promise<PeopleSuggestions> => {
    const actor = await requireUser();
    const prefix = (new URL(request.url).searchParams.get("prefix") ?? "").trim().replace(/^@/, "");
    if (prefix.length < 1) throw new AppError("INVALID", "Type at least one character after @.");
    if (prefix.length > PREFIX_MAX) throw new AppError("INVALID", `Type at most ${PREFIX_MAX} characters.`);
    return findPeople({ actor, prefix });
  });
}
