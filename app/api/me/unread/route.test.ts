import { describe, expect, it, vi } from "vitest";
import { callAs, makeWorld } from "@/test/action-world";
import { addPost } from "@/test/factories";
import { GET } from "./route";

vi.mock("next/headers", () => import("@/test/next-headers"));

const get = (query: string, headers: Headers) =>
  GET(new Request(`http://localhost:3000/api/me/unread${query}`, { headers }));

describe("GET /api/me/unread", () => {
  it("answers the member's counts per subheading, per debate, and a subheading's new posts, never cached", async () => {
    const world = await makeWorld();
    // makeWorld's posts were made after its members joined; the author's own and the hidden one are not new.
    const late = await addPost({ subheadingId: world.subheadingB, authorId: world.targetId });
    const author = await callAs("author", world);

    const debate = await get(`?debate=${world.debateId}`, author);
    expect(debate.headers.get("cache-control")).toBe("private, no-store");
    expect(await debate.json()).toEqual({
      subheadings: { [world.subheadingA]: 1, [world.subheadingB]: 2 },
      total: 3,
    });
    const home = await (await get("", author)).json();
    expect(home.debates[world.debateId]).toBe(3);
    const subheading = await (await get(`?subheading=${world.subheadingB}`, author)).json();
    expect(subheading.posts.map((p: { id: string }) => p.id)).toEqual([world.reportedPostId, late.id]);
    expect(subheading.more).toBe(false);
  });

  it("refuses anonymous callers (401) and bad queries (400); an unknown debate is 404", async () => {
    const world = await makeWorld();
    const anonymous = await get(`?debate=${world.debateId}`, await callAs("anonymous", world));
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("cache-control")).toBe("private, no-store");
    const member = await callAs("member", world);
    expect((await get(`?debate=${world.debateId}&subheading=${world.subheadingA}`, member)).status).toBe(400);
    expect((await get(`?debate=${"x".repeat(65)}`, member)).status).toBe(400);
    expect((await get(`?debate=`, member)).status).toBe(400);
    expect((await get(`?debate=no-such-debate`, member)).status).toBe(404);
  });
});
