// What the live stream (`GET /api/live`) carries, and the topics a page listens to. Events only
// say that something changed: a client refetches what it shows rather than trusting a payload.

export type LiveEvent =
  | {
      type: "post";
      postId: string;
      debateId: string;
      subheadingId: string;
      threadId: string;
      parentId: string | null;
      authorId: string | null;
    }
  | { type: "notification"; userId: string };

/** Every topic the stream knows: what a page shows, or one member's own news. */
export type LiveTopicKind = "debate" | "subheading" | "thread" | "user";

export const debateTopic = (debateId: string) => `debate:${debateId}`;
export const subheadingTopic = (subheadingId: string) => `subheading:${subheadingId}`;
/** A thread is named by its top-level contribution's id (a post's `rootId`, or its own id). */
export const threadTopic = (rootId: string) => `thread:${rootId}`;
export const userTopic = (userId: string) => `user:${userId}`;

/** The topics an event is delivered to. */
export function topicsOf(event: LiveEvent): string[] {
  if (event.type === "notification") return [userTopic(event.userId)];
  return [debateTopic(event.debateId), subheadingTopic(event.subheadingId), threadTopic(event.threadId)];
}

// Ids are cuids (or test ids): letters, digits, '-' and '_', never long.
const TOPIC = /^(debate|subheading|thread|user):([A-Za-z0-9_-]{1,64})$/;

/** The topic's kind and id, or null when the string is not a topic. */
export function parseTopic(topic: string): { kind: LiveTopicKind; id: string } | null {
  const match = TOPIC.exec(topic);
  if (!match) return null;
  return { kind: match[1] as LiveTopicKind, id: match[2] as string };
}

/** How many topics one stream may ask for (a page needs three at most, plus the member's own). */
export const MAX_LIVE_TOPICS = 10;

/**
 * The topics a client asks for in `?topics=a,b`: known shapes only, no `user:` topic (the server
 * adds the member's own from the session), at most MAX_LIVE_TOPICS; duplicates are dropped.
 */
export function parseRequestedTopics(raw: string | null): { topics: string[] } | { error: string } {
  const parts = (raw ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const topics = [...new Set(parts)];
  if (topics.length > MAX_LIVE_TOPICS) return { error: `At most ${MAX_LIVE_TOPICS} topics.` };
  for (const topic of topics) {
    const parsed = parseTopic(topic);
    if (!parsed) return { error: "Unknown topic." };
    if (parsed.kind === "user") return { error: "A member's own topic is added by the server, not asked for." };
  }
  return { topics };
}
