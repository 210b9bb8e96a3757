import { describe, expect, it, vi } from "vitest";
import { callAs, makeWorld, type World } from "@/test/action-world";
import { db } from "@/server/db";
import { POST } from "./route";

vi.mock("next/headers", () => import("@/test/next-headers"));

function markRead(headers: Headers, body: unknown) {
  headers.set("content-type", "application/json");
  return POST(
    new Request("http://localhost:3000/api/me/read", {
      method: "POST",
      headers,
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}
const marks = (w: World) => db.readMark.findMany({ where: { userId: w.people.member.id } });

describe("POST /api/me/read", () => {
  it("marks the member's subheading read, answering where the mark stands, never cached", async () => {
    const world = await makeWorld();
    const upTo = new Date(Date.now() - 60_000).toISOString();
    const response = await markRead(await callAs("member", world), { subheadingId: world.subheadingA, upTo });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(await response.json()).toEqual({ readAt: upTo });
    expect(await marks(world)).toMatchObject([{ subheadingId: world.subheadingA, debateId: world.debateId }]);

    const earlier = new Date(Date.now() - 3600_000).toISOString();
    const again = await markRead(await callAs("member", world), { subheadingId: world.subheadingA, upTo: earlier });
    expect(await again.json()).toEqual({ readAt: upTo });
  });

  it("refuses anonymous callers (401), other sites (403) and bad input (400), writing nothing", async () => {
    const world = await makeWorld();
    const good = { subheadingId: world.subheadingA, upTo: new Date().toISOString() };
    const anonymous = await markRead(await callAs("anonymous", world), good);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("cache-control")).toBe("private, no-store");
    expect((await markRead(await callAs("member", world, "https://evil.example"), good)).status).toBe(403);
    expect((await markRead(await callAs("member", world, null), good)).status).toBe(403);
    for (const bad of [
      "not json",
      {},
      { subheadingId: world.subheadingA },
      { subheadingId: world.subheadingA, upTo: "yesterday" },
      { subheadingId: "", upTo: good.upTo },
      { subheadingId: "x".repeat(65), upTo: good.upTo },
    ]) {
      const response = await markRead(await callAs("member", world), bad);
      expect(response.status, JSON.stringify(bad)).toBe(400);
      expect((await response.json()).error).toBeTruthy();
    }
    expect((await markRead(await callAs("member", world), { ...good, subheadingId: "no-such-one" })).status).toBe(404);
    expect(await marks(world)).toEqual([]);
  });
});
