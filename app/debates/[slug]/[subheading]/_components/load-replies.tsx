"use server";

import type { LoadedReplies } from "@/components/more-replies";
import { ReplyItems } from "@/components/thread";
import { decodeCursor } from "@/lib/cursor";
import { z } from "@/lib/schemas/zod";
import { DISPLAY_DEPTH } from "@/lib/thread-tree";
import { requireSameOrigin } from "@/server/auth/session";
import { readReplyChunk } from "@/server/cache/reads";

const loadRepliesSchema = z.object({
  parentId: z.string().min(1).max(64),
  after: z.string().min(1).max(300).nullable(),
  level: z.number().int().min(1).max(DISPLAY_DEPTH),
});

/**
 * "Show N more replies": the next replies of a post after `after`, rendered on the server as list
 * items for the thread's <ol>. A read, open to anyone who may read the page (nothing is written, so
 * it is not one of the action guard's mutations); from this site only, its input checked, its data
 * the cached read `readReplyChunk` (tagged with the thread and its authors). Null when the post or
 * the cursor is not one we know.
 */
export async function loadRepliesAction(input: unknown): Promise<LoadedReplies> {
  await requireSameOrigin();
  const parsed = loadRepliesSchema.safeParse(input);
  if (!parsed.success) return null;
  const { parentId, after, level } = parsed.data;
  if (after !== null && !decodeCursor(after)) return null;
  const chunk = await readReplyChunk(parentId, after, level);
  if (!chunk) return null;
  return {
    items: (
      <ReplyItems nodes={chunk.nodes} debateSlug={chunk.debateSlug} level={level} loadReplies={loadRepliesAction} />
    ),
    remaining: chunk.remaining,
    after: chunk.nextCursor,
    count: chunk.nodes.length,
  };
}
