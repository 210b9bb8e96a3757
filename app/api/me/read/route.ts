import { markReadSchema } from "@/lib/schemas/unread";
import type { ReadMarkView } from "@/lib/unread";
import { requireUser } from "@/server/auth/session";
import { AppError } from "@/server/errors";
import { jsonRoute } from "@/server/http/json";
import { isSameOrigin } from "@/server/http/same-origin";
import { markRead } from "@/server/unread/mark-read";

/**
 * Marks a subheading read up to the newest post its page showed (components/unread/): the
 * signed-in member's own mark, from a page of this site. The mark never moves backwards.
 */
export async function POST(request: Request): Promise<Response> {
  const response = await jsonRoute(async (): Promise<ReadMarkView> => {
    if (!isSameOrigin(request))
      throw new AppError("FORBIDDEN", "This request did not come from this site, so it was refused.");
    const member = await requireUser();
    const parsed = markReadSchema.safeParse(await request.json().catch(() => null));
    if (!parsed.success) throw new AppError("INVALID", parsed.error.issues[0]?.message ?? "Nothing to mark.");
    const { readAt } = await markRead({ userId: member.id, ...parsed.data });
    return { readAt: readAt.toISOString() };
  });
  response.headers.set("cache-control", "private, no-store");
  return response;
}
