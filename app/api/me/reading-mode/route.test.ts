import { describe, expect, it, vi } from "vitest";
import { callAs, makeWorld } from "@/test/action-world";
import { db } from "@/server/db";
import { GET, POST } from "./route";

vi.mock("next/headers", () => import("@/test/next-headers"));

function save(headers: Headers, body: unknown) {
  headers.set("content-type", "application/json");
  return POST(
    new Request("http://localhost:3000/api/me/reading-mode", {
      method: "POST",
      headers,
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

describe("/api/me/reading-mode", () => {
  it("saves the member's reading mode, and GET answers it, never cached", async () => {
    const world = await makeWorld();
    const response = await save(await callAs("member", world), { mode: "flat" });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(await response.json()).toEqual({ mode: "flat" });
    await callAs("member", world);
    expect(await (await GET()).json()).toEqual({ mode: "flat" });
  });

  it("refuses anonymous callers (401), other sites (403) and bad input (400), saving nothing", async () => {
    const world = await makeWorld();
    expect((await save(await callAs("anonymous", world), { mode: "flat" })).status).toBe(401);
    expect((await save(await callAs("member", world, "https://evil.example"), { mode: "flat" })).status).toBe(403);
    expect((await save(await callAs("member", world, null), { mode: "flat" })).status).toBe(403);
    for (const bad of ["not json", {}, { mode: "random" }, { mode: 3 }]) {
      const response = await save(await callAs("member", world), bad);
      expect(response.status, JSON.stringify(bad)).toBe(400);
      expect((await response.json()).error).toBeTruthy();
    }
    const user = await db.user.findUniqueOrThrow({
      where: { id: world.people.member.id },
      select: { readingMode: true },
    });
    expect(user.readingMode).not.toBe("flat");
  });
});
