import "server-only";
import { updateTag } from "next/cache";
import { cacheTags } from "@/lib/cache-tags";

/**
 * After a write that adds, changes or moves a post (from a Server Action): every cached read and
 * page that shows it expires at once, so the writer sees their change on the next render.
 */
export function invalidatePostWrite(post: { debateId: string; subheadingId: string; rootId: string | null; id: string }): void {
  for (const tag of [
    cacheTags.debateList(),
    cacheTags.debate(post.debateId),
    cacheTags.subheading(post.subheadingId),
    cacheTags.thread(post.rootId ?? post.id),
  ]) {
    updateTag(tag);
  }
}
