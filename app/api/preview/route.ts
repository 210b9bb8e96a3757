import { previewSchema } from "@/lib/schemas/post";
import type { Preview } from "@/lib/views";
import { requireUser } from "@/server/auth/session";
import { AppError } from "@/server/errors";
import { jsonRoute } from "@/server/http/json";
import { isSameOrigin } from "@/server/http/same-origin";
import { previewMarkdown } from "@/server/posts/preview-markdown";

/** The Preview tab: the Markdown rendered by the same sanitizing pipeline as a saved post. Writes nothing. */
export async function POST(request: Request) {
  return jsonRoute(async (): Promise<Preview> => {
    if (!isSameOrigin(request))
      throw new AppError("FORBIDDEN", "This request did not come from this site, so it was refused.");
    const actor = await requireUser();
    const parsed = previewSchema.safeParse(await request.json().catch(() => null));
    if (!parsed.success) throw new AppError("INVALID", parsed.error.issues[0]?.message ?? "Nothing to preview.");
    return previewMarkdown({ actor, body: parsed.data.body });
  });
}
