import type { ReadingModeView } from "@/lib/reading-mode";
import { readingModeSchema } from "@/lib/schemas/reading-mode";
import { requireUser } from "@/server/auth/session";
import { AppError } from "@/server/errors";
import { jsonRoute } from "@/server/http/json";
import { isSameOrigin } from "@/server/http/same-origin";
import { getReadingMode, setReadingMode } from "@/server/users/reading-mode";

/** The signed-in member's reading mode: pages move to it (they stay the same for everyone). */
export async function GET() {
  const response = await jsonRoute(async (): Promise<ReadingModeView> => {
    const actor = await requireUser();
    return { mode: await getReadingMode(actor.id) };
  });
  response.headers.set("cache-control", "private, no-store");
  return response;
}

/** Remembers the mode a member picks, from a page of this site, beside the link's own navigation. */
export async function POST(request: Request): Promise<Response> {
  const response = await jsonRoute(async (): Promise<ReadingModeView> => {
    if (!isSameOrigin(request))
      throw new AppError("FORBIDDEN", "This request did not come from this site, so it was refused.");
    const actor = await requireUser();
    const parsed = readingModeSchema.safeParse(await request.json().catch(() => null));
    if (!parsed.success) throw new AppError("INVALID", parsed.error.issues[0]?.message ?? "Choose nested or flat.");
    await setReadingMode({ actor, mode: parsed.data.mode });
    return { mode: parsed.data.mode };
  });
  response.headers.set("cache-control", "private, no-store");
  return response;
}
