import "server-only";
import { updateTag } from "next/cache";
import { cacheTags } from "@/lib/cache-tags";

// Called from Server Actions after a write: every cached read and page showing what changed
// expires at once (updateTag), so the writer sees their change on the next render.

type PostWrite = { debateId: string; subheadingId: string; rootId: string | null; id: string };

/** A post added, changed or moved; `moderated` when the moderation log gained an entry. */
export function invalidatePostWrite(post: PostWrite, { moderated = false }: { moderated?: boolean } = {}): void {
  for (const tag of [
    cacheTags.debateList(),
    cacheTags.debate(post.debateId),
    cacheTags.subheading(post.subheadingId),
    cacheTags.thread(post.rootId ?? post.id),
    ...(moderated ? [cacheTags.moderationLog()] : []),
  ]) {
    updateTag(tag);
  }
}

/** A debate's structure or settings changed (subheadings, locks, slow mode): a moderator's doing. */
export function invalidateDebate(debateId: string, subheadingIds: string[] = []): void {
  for (const tag of [
    cacheTags.debateList(),
    cacheTags.debate(debateId),
    ...subheadingIds.map(cacheTags.subheading),
    cacheTags.moderationLog(),
  ]) {
    updateTag(tag);
  }
}

/** Only the log changed (user suspensions, roles, dismissed reports). */
export function invalidateModerationLog(): void {
  updateTag(cacheTags.moderationLog());
}
