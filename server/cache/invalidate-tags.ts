import "server-only";
import { invalidateTags as invalidateInStore } from "@/cache-handlers/tag-store.mjs";

// Writes expire the cached reads and pages showing what they changed by invalidating their tags in
// our tag store, which both cache handlers consult (cache-handlers/). Not through Next's
// updateTag/revalidateTag: those mark the Server Action's path as revalidated, and Next then
// re-renders the writer's whole page into the action's response.

/** Expires every cached read and page carrying one of `tags`; resolves once recorded. */
export function invalidateTags(tags: readonly string[]): Promise<void> {
  return invalidateInStore(tags);
}
