import "server-only";
import { getRedis, KEY_PREFIX, usesRedis } from "@/cache-handlers/redis-client.mjs";
import type { LiveEvent } from "@/lib/live-events";
import { LiveHub } from "./hub";

const HUB_KEY = Symbol.for("debate-commons.live-hub");

/**
 * The process's one hub. Kept on globalThis: server.mjs, outside the bundle, finds it there to end
 * every stream on shutdown, and a module evaluated twice still shares it.
 */
export function liveHub(): LiveHub {
  const registry = globalThis as { [HUB_KEY]?: LiveHub };
  return (registry[HUB_KEY] ??= new LiveHub({
    redis: usesRedis() ? { client: getRedis, channel: `${KEY_PREFIX}live` } : null,
  }));
}

/**
 * Tells every open live stream listening to the event's topics, on this instance and (through
 * Redis, when REDIS_URL is set) every other. Never throws: a lost live event costs a reader a
 * refresh, never a write. Call it after the write committed and its tags were invalidated
 * (`w.after(() => publishLive(…))`), so a reader who refetches sees the new rows.
 */
export async function publishLive(event: LiveEvent): Promise<void> {
  try {
    await liveHub().publish(event);
  } catch (error) {
    console.error("[live] could not publish to other instances:", error instanceof Error ? error.message : error);
  }
}

/** The live event of a post just written (insertPost's result). */
export function livePostEvent(post: {
  id: string;
  debateId: string;
  subheadingId: string;
  parentId: string | null;
  rootId: string | null;
  authorId: string | null;
}): LiveEvent {
  return {
    type: "post",
    postId: post.id,
    debateId: post.debateId,
    subheadingId: post.subheadingId,
    threadId: post.rootId ?? post.id,
    parentId: post.parentId,
    authorId: post.authorId,
  };
}
