import type * as NextServer from "next/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "@/lib/client-address-header";
import { createPost } from "@/server/posts/create-post";
import { LiveHub } from "@/server/live/hub";
import { liveHub, publishLive } from "@/server/live/publish";
import { sseReader } from "@/server/live/sse-reader";
import { PING_MS } from "@/server/live/stream";
import { runAfterCommit } from "@/server/write";
import { createDebate, createMember } from "@/test/factories";
import { setRequestHeaders } from "@/test/next-headers";
import { sessionCookie } from "@/test/session-cookie";
import { GET } from "./route";

vi.mock("next/headers", () => import("@/test/next-headers"));
// connection() only marks the handler dynamic for Next's prerender; outside a request it throws.
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof NextServer>()),
  connection: async () => undefined,
}));

const HUB_KEY = Symbol.for("debate-commons.live-hub");
const hubs = globalThis as { [HUB_KEY]?: LiveHub };
const readers: ReturnType<typeof sseReader>[] = [];

beforeEach(() => {
  delete hubs[HUB_KEY]; // a fresh process's hub for each test
});
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(readers.splice(0).map((r) => r.cancel().catch(() => {})));
});

async function open(query: string, headers: Record<string, string> = {}) {
  const all = new Headers({ host: "localhost:3000", [CLIENT_ADDRESS_HEADER]: "203.0.113.7", ...headers });
  setRequestHeaders(all);
  const abort = new AbortController();
  const response = await GET(
    new Request(`http://localhost:3000/api/live?${query}`, { headers: all, signal: abort.signal }),
  );
  const reader = response.body ? sseReader(response) : null;
  if (reader) readers.push(reader);
  return { response, reader: reader!, abort };
}

describe("GET /api/live", () => {
  it("streams: a first comment, then each new post on its topics, with an id to resume from", async () => {
    const debate = await createDebate();
    const subheading = debate.subheadings[0]!;
    const { response, reader } = await open(`topics=subheading:${subheading.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    const first = await reader.until(() => true);
    expect(first?.comment).toBeTruthy();
    await reader.until((f) => f.event === "ready");

    const author = await createMember();
    const made = await createPost({
      actor: author,
      subheadingId: subheading.id,
      parentId: null,
      title: null,
      body: "Hello",
    });
    // Nothing is published before the write's after-work runs (after commit and invalidation).
    await runAfterCommit(made.after);
    const frame = await reader.until((f) => f.data !== undefined);
    expect(frame?.id).toBeTruthy();
    expect(JSON.parse(frame!.data!)).toEqual({
      type: "post",
      postId: made.id,
      debateId: debate.id,
      subheadingId: subheading.id,
      threadId: made.id,
      parentId: null,
      authorId: author.id,
    });
  });

  it("sends nothing about another subheading", async () => {
    const debate = await createDebate();
    const [watched, other] = debate.subheadings;
    const { reader } = await open(`topics=subheading:${watched!.id}`);
    await reader.until((f) => f.event === "ready");
    await publishLive({
      type: "post",
      postId: "x",
      debateId: debate.id,
      subheadingId: other!.id,
      threadId: "x",
      parentId: null,
      authorId: null,
    });
    await publishLive({
      type: "post",
      postId: "y",
      debateId: debate.id,
      subheadingId: watched!.id,
      threadId: "y",
      parentId: null,
      authorId: null,
    });
    const frame = await reader.until((f) => f.data !== undefined);
    expect(JSON.parse(frame!.data!).postId).toBe("y");
  });

  it("pings every 20 seconds", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "setTimeout", "clearInterval", "clearTimeout"] });
    const { reader } = await open("topics=debate:d1");
    await reader.until((f) => f.event === "ready");
    vi.advanceTimersByTime(PING_MS);
    expect((await reader.until((f) => f.comment === "ping"))?.comment).toBe("ping");
  });

  it("refuses a member's topic asked for by the client, unknown topics, and too many", async () => {
    for (const query of [
      "topics=user:someone",
      "topics=debate:a,user:someone",
      "topics=posts:1",
      `topics=${Array.from({ length: 11 }, (_, i) => `thread:t${i}`).join(",")}`,
      "topics=",
    ]) {
      const { response } = await open(query);
      expect(response.status, query).toBe(400);
    }
    expect(liveHub().size).toBe(0);
  });

  it("adds the signed-in member's own topic: their notifications reach them, nobody else's", async () => {
    const member = await createMember();
    const other = await createMember();
    const { reader } = await open("topics=", { cookie: await sessionCookie(member.id) });
    await reader.until((f) => f.event === "ready");
    await publishLive({ type: "notification", userId: other.id });
    await publishLive({ type: "notification", userId: member.id });
    const frame = await reader.until((f) => f.data !== undefined);
    expect(JSON.parse(frame!.data!)).toEqual({ type: "notification", userId: member.id });
  });

  it("forgets the stream when the client goes away", async () => {
    const { reader, abort } = await open("topics=debate:d1");
    await reader.until((f) => f.event === "ready");
    expect(liveHub().size).toBe(1);
    abort.abort();
    expect(liveHub().size).toBe(0);
    expect(await reader.rest()).toEqual([]);
    expect(reader.done).toBe(true);
  });

  it("resumes after a dropped connection: replays what was missed, or says to refetch", async () => {
    const { reader, abort } = await open("topics=debate:d1");
    const ready = await reader.until((f) => f.event === "ready");
    abort.abort();
    await publishLive({
      type: "post",
      postId: "missed",
      debateId: "d1",
      subheadingId: "s",
      threadId: "t",
      parentId: null,
      authorId: null,
    });
    const again = await open("topics=debate:d1", { "last-event-id": ready!.id! });
    const frame = await again.reader.until((f) => f.data !== undefined && f.event === undefined);
    expect(JSON.parse(frame!.data!).postId).toBe("missed");
    const unknown = await open("topics=debate:d1", { "last-event-id": "another-instance.42" });
    expect(await unknown.reader.until((f) => f.event === "resync")).toBeTruthy();
  });

  it("ends open streams on shutdown, telling the browser when to come back, and refuses new ones with 503", async () => {
    const { reader } = await open("topics=debate:d1");
    await reader.until((f) => f.event === "ready");
    await liveHub().shutdown();
    const rest = await reader.rest();
    expect(reader.done).toBe(true);
    expect(rest.at(-1)?.retry).toMatch(/^\d+$/);
    const late = await open("topics=debate:d1");
    expect(late.response.status).toBe(503);
  });

  it("keeps to a limit per client address (429)", async () => {
    for (let i = 0; i < 20; i++) expect((await open("topics=debate:d1")).response.status).toBe(200);
    expect((await open("topics=debate:d1")).response.status).toBe(429);
    expect((await open("topics=debate:d1", { [CLIENT_ADDRESS_HEADER]: "203.0.113.8" })).response.status).toBe(200);
  });

  it("publishLive never throws: a Redis that refuses costs only the other instances", async () => {
    hubs[HUB_KEY] = new LiveHub({ redis: { client: async () => Promise.reject(new Error("down")), channel: "x" } });
    const { reader } = await open("topics=debate:d1");
    await reader.until((f) => f.event === "ready");
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    await expect(
      publishLive({
        type: "post",
        postId: "p",
        debateId: "d1",
        subheadingId: "s",
        threadId: "t",
        parentId: null,
        authorId: null,
      }),
    ).resolves.toBeUndefined();
    expect(JSON.parse((await reader.until((f) => f.data !== undefined))!.data!).postId).toBe("p");
    errors.mockRestore();
  });
});
