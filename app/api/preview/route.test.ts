// Issue 8, finding 1: previews were unlimited, so one account could keep the renderer busy. Each
// member may now preview 10 times a minute (100 an hour); past that the route answers 429 with
// Retry-After and says when to try again.
import { describe, expect, it, vi } from "vitest";
import { callAs, makeWorld } from "@/test/action-world";
import { POST } from "./route";

vi.mock("next/headers", () => import("@/test/next-headers"));
vi.mock("next/cache", () => ({ cacheTag: vi.fn(), cacheLife: vi.fn() }));

async function preview(headers: Headers, body = "**hello**") {
  headers.set("content-type", "application/json");
  return POST(
    new Request("http://localhost:3000/api/preview", { method: "POST", headers, body: JSON.stringify({ body }) }),
  );
}

describe("POST /api/preview", () => {
  it("renders a member's Markdown", async () => {
    const response = await preview(await callAs("member", await makeWorld()));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ html: "<p><strong>hello</strong></p>" });
  });

  it("answers 429 with Retry-After past ten previews a minute, for that member only", async () => {
    const world = await makeWorld();
    const member = await callAs("member", world);
    for (let i = 0; i < 10; i++) expect((await preview(member, `draft ${i}`)).status).toBe(200);
    const refused = await preview(member);
    expect(refused.status).toBe(429);
    const wait = Number(refused.headers.get("retry-after"));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect((await refused.json()).error).toMatch(/try again in \d+ seconds?/);

    expect((await preview(await callAs("author", world))).status).toBe(200);
  });
});
