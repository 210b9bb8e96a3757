// Live events when the app runs as several instances over one Redis (TEST_REDIS_URL): two hubs,
// as two processes would have, each with its own connections, on one channel.
import { createClient } from "redis";
import { afterAll, describe, expect, it } from "vitest";
import type { RedisClient } from "@/cache-handlers/redis-client.mjs";
import type { LiveEvent } from "@/lib/live-events";
import { LiveHub } from "./hub";
import { sseReader } from "./sse-reader";
import { openLiveStream } from "./stream";

const url = process.env.TEST_REDIS_URL;
if (!url) throw new Error("TEST_REDIS_URL is not set: this file needs a Redis server.");
const channel = `test:${crypto.randomUUID()}:live`;

const clients: RedisClient[] = [];
const hubs: LiveHub[] = [];
async function instance(): Promise<LiveHub> {
  const client = createClient({ url, disableOfflineQueue: true }) as unknown as RedisClient;
  client.on("error", () => {});
  await client.connect();
  clients.push(client);
  const hub = new LiveHub({ redis: { client: async () => client, channel } });
  hubs.push(hub);
  return hub;
}

afterAll(async () => {
  await Promise.all(hubs.map((hub) => hub.shutdown()));
  await Promise.all(clients.map((client) => client.close()));
});

const post = (postId: string): LiveEvent => ({
  type: "post",
  postId,
  debateId: "d1",
  subheadingId: "s1",
  threadId: "t1",
  parentId: null,
  authorId: "u1",
});

function stream(hub: LiveHub, topics: string[], lastEventId: string | null = null) {
  const abort = new AbortController();
  const response = openLiveStream({ hub, topics, address: null, lastEventId, signal: abort.signal });
  return { reader: sseReader(response), abort };
}
const postIdOf = (data: string | undefined) => (JSON.parse(data ?? "{}") as { postId?: string }).postId;

describe("LiveHub over Redis", () => {
  it("an event published through one instance reaches a stream open on the other, once", async () => {
    const a = await instance();
    const b = await instance();
    const onB = stream(b, ["subheading:s1"]);
    const onA = stream(a, ["subheading:s1"]);
    await onB.reader.until((f) => f.event === "ready");
    await b.ready();
    await a.ready();

    await a.publish(post("from-a"));
    const frame = await onB.reader.until((f) => f.data !== undefined && f.event === undefined);
    expect(postIdOf(frame?.data)).toBe("from-a");
    // Same id on both instances: a browser that reconnects to the other resumes from it.
    const onASide = await onA.reader.until((f) => f.data !== undefined && f.event === undefined);
    expect(onASide?.id).toBe(frame?.id);

    await b.publish(post("from-b"));
    expect(postIdOf((await onA.reader.until((f) => f.data !== undefined && f.event === undefined))?.data)).toBe(
      "from-b",
    );
    // A's own event reached A's stream once (not again through Redis): the next is from-b's.
    expect(postIdOf((await onB.reader.until((f) => f.data !== undefined && f.event === undefined))?.data)).toBe(
      "from-b",
    );
    onA.abort.abort();
    onB.abort.abort();
  });

  it("a browser whose stream on A dropped resumes on B from A's event id", async () => {
    const a = await instance();
    const b = await instance();
    const watcher = stream(b, ["thread:t1"]); // B's subscriber is up and has seen everything since
    await watcher.reader.until((f) => f.event === "ready");
    await b.ready();
    const onA = stream(a, ["thread:t1"]);
    await onA.reader.until((f) => f.event === "ready");
    await a.publish(post("seen"));
    const seen = await onA.reader.until((f) => f.data !== undefined && f.event === undefined);
    onA.abort.abort();
    await watcher.reader.until((f) => postIdOf(f.data) === "seen");
    await a.publish(post("missed"));
    await watcher.reader.until((f) => postIdOf(f.data) === "missed");

    const resumed = stream(b, ["thread:t1"], seen!.id!);
    const first = await resumed.reader.until((f) => f.data !== undefined && f.event !== "ready");
    expect(first?.event).toBeUndefined();
    expect(postIdOf(first?.data)).toBe("missed");
    resumed.abort.abort();
    watcher.abort.abort();
  });
});
