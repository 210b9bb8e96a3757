import { unreadQuerySchema } from "@/lib/schemas/unread";
import type { DebateUnread, HomeUnread, SubheadingUnread } from "@/lib/unread";
import { requireUser } from "@/server/auth/session";
import { AppError } from "@/server/errors";
import { jsonRoute } from "@/server/http/json";
import { countNewInDebate, countNewPerDebate } from "@/server/unread/count-new";
import { newInSubheading } from "@/server/unread/new-in-subheading";

/**
 * What is new to the signed-in member, for the per-user parts of cached pages: `?debate=<id>` the
 * outline's counts per subheading, `?subheading=<id>` that subheading's new posts, and with neither
 * the home page's counts per debate. One small request per page; never cached anywhere.
 */
export async function GET(request: Request): Promise<Response> {
  const response = await jsonRoute(async (): Promise<DebateUnread | HomeUnread | SubheadingUnread> => {
    const member = await requireUser();
    const params = new URL(request.url).searchParams;
    const parsed = unreadQuerySchema.safeParse({
      debate: params.get("debate") ?? undefined,
      subheading: params.get("subheading") ?? undefined,
    });
    if (!parsed.success) throw new AppError("INVALID", parsed.error.issues[0]?.message ?? "Bad query.");
    const { debate, subheading } = parsed.data;
    if (debate) return countNewInDebate(member, debate);
    if (subheading) return newInSubheading(member, subheading);
    return countNewPerDebate(member);
  });
  response.headers.set("cache-control", "private, no-store");
  return response;
}
