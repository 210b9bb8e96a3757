import "server-only";
import { invalidateTags as invalidateInStore } from "@/cache-handlers/tag-store.mjs";

// Writes expire the cached reads and pages showing what they changed by invalidating their tags in
// our tag store, which both cache handlers consult (cache-handlers/): in this process, or in Redis
// when several instances share it (REDIS_URL). Not through Next's updateTag/revalidateTag: those
// mark the Server Action's path as revalidated, and Next then re-renders the writer's whole page
// into the action's response.

/**
 * Expires every cached read and page carrying one of `tags`, on every instance; resolves once
 * recorded. Rejects when it could not be (Redis unreachable): the write has committed, but the
 * writer must not be told all is well while instances may still serve what it replaced.
 */
export function invalidateTags(tags: readonly string[]): Promise<void> {
  return invalidateInStore(tags);
}
