import { describe, expect, it } from "vitest";
import type { LiveEvent } from "@/lib/live-events";
import { LiveHub, type LiveMessage } from "./hub";

const post = (over: Partial<Extract<LiveEvent, { type: "post" }>> = {}): LiveEvent => ({
  type: "post",
  postId: `p${Math.random()}`,
  debateId: "d1",
  subheadingId: "s1",
  threadId: "t1",
  parentId: "t1",
  authorId: "u1",
  ...over,
});

function sink() {
  const got: LiveMessage[] = [];
  let resyncs = 0;
  let ended = 0;
  return {
    got,
    get resyncs() {
      return resyncs;
    },
    get ended() {
      return ended;
    },
    sink: { send: (m: LiveMessage) => got.push(m), resync: () => resyncs++, end: () => ended++ },
  };
}

function open(hub: LiveHub, topics: string[], options: { address?: string | null; lastEventId?: string } = {}) {
  const s = sink();
  const result = hub.open(topics, s.sink, { address: options.address ?? null, lastEventId: options.lastEventId });
  if (!result.ok) throw new Error(result.reason);
  return Object.assign(s, { close: result.close, replay: result.replay });
}

describe("LiveHub", () => {
  it("delivers an event to the streams on its topics only, once each", async () => {
    const hub = new LiveHub();
    const debate = open(hub, ["debate:d1"]);
    const both = open(hub, ["subheading:s1", "thread:t1"]);
    const other = open(hub, ["subheading:s2", "debate:d2", "thread:t2"]);
    const member = open(hub, ["user:u9"]);
    await hub.publish(post());
    await hub.publish({ type: "notification", userId: "u9" });
    expect(debate.got.map((m) => m.event.type)).toEqual(["post"]);
    expect(both.got).toHaveLength(1);
    expect(other.got).toHaveLength(0);
    expect(member.got.map((m) => m.event)).toEqual([{ type: "notification", userId: "u9" }]);
    expect(new Set([...debate.got, ...member.got].map((m) => m.id)).size).toBe(2);
  });

  it("forgets a closed stream: nothing more is sent to it, nothing of it is kept", async () => {
    const hub = new LiveHub();
    const a = open(hub, ["debate:d1", "thread:t1"], { address: "203.0.113.1" });
    a.close();
    a.close(); // twice is harmless
    await hub.publish(post());
    expect(a.got).toHaveLength(0);
    expect(hub.size).toBe(0);
    expect((hub as unknown as { byTopic: Map<string, unknown> }).byTopic.size).toBe(0);
    expect((hub as unknown as { perAddress: Map<string, unknown> }).perAddress.size).toBe(0);
  });

  it("keeps to its limits: streams in all, and per address", () => {
    const hub = new LiveHub({ maxStreams: 3, maxStreamsPerAddress: 2 });
    const s = () => sink().sink;
    expect(hub.open(["debate:a"], s(), { address: "203.0.113.1" }).ok).toBe(true);
    expect(hub.open(["debate:a"], s(), { address: "203.0.113.1" }).ok).toBe(true);
    expect(hub.open(["debate:a"], s(), { address: "203.0.113.1" })).toEqual({ ok: false, reason: "address-busy" });
    expect(hub.open(["debate:a"], s(), { address: "203.0.113.2" }).ok).toBe(true);
    expect(hub.open(["debate:a"], s(), { address: "203.0.113.3" })).toEqual({ ok: false, reason: "busy" });
  });

  it("replays what a reconnecting client missed on its topics, or asks it to resync", async () => {
    const hub = new LiveHub({ replaySize: 3 });
    const from = hub.lastId;
    await hub.publish(post({ postId: "a" }));
    const afterA = hub.lastId;
    await hub.publish(post({ postId: "b", subheadingId: "s2", threadId: "t2", debateId: "d2" }));
    const afterB = hub.lastId;
    await hub.publish(post({ postId: "c" }));
    const ids = (replay: LiveMessage[] | "resync") =>
      replay === "resync" ? replay : replay.map((m) => (m.event.type === "post" ? m.event.postId : "?"));
    expect(ids(open(hub, ["subheading:s1"], { lastEventId: from }).replay)).toEqual(["a", "c"]);
    expect(ids(open(hub, ["subheading:s1"], { lastEventId: afterA }).replay)).toEqual(["c"]);
    expect(open(hub, ["subheading:s1"], { lastEventId: "someone-else.7" }).replay).toBe("resync");
    // Past the buffer, the start is no longer known.
    await hub.publish(post({ postId: "d" }));
    expect(open(hub, ["subheading:s1"], { lastEventId: from }).replay).toBe("resync");
    expect(open(hub, ["subheading:s1"], { lastEventId: afterA }).replay).toBe("resync");
    expect(ids(open(hub, ["subheading:s1"], { lastEventId: afterB }).replay)).toEqual(["c", "d"]);
  });

  it("on shutdown ends every stream and refuses new ones", async () => {
    const hub = new LiveHub();
    const a = open(hub, ["debate:d1"]);
    const b = open(hub, ["user:u1"]);
    await hub.shutdown();
    expect([a.ended, b.ended]).toEqual([1, 1]);
    expect(hub.isClosing).toBe(true);
    expect(hub.open(["debate:d1"], sink().sink, { address: null })).toEqual({ ok: false, reason: "closing" });
  });
});
