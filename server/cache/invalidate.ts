import "server-only";
import { revalidateTag } from "next/cache";
import { cacheTags } from "@/lib/cache-tags";

/**
 * After a write that adds, changes or moves a post: every cached read that shows it. Expires at
 * once (the writer and the next readers see the change), which a debate's write rate affords.
 */
export function invalidatePostWrite(post: { debateId: string; subheadingId: string; rootId: string | null; id: string }): void {
  for (const tag of [
    cacheTags.debateList(),
    cacheTags.debate(post.debateId),
    cacheTags.subheading(post.subheadingId),
    cacheTags.thread(post.rootId ?? post.id),
  ]) {
    revalidateTag(tag, { expire: 0 });
  }
}
