// Issue 8, finding 1: "A test posts each of the three bodies and asserts a fast, clear refusal while
// another request is served." The three shapes of the finding are refused before parsing; the
// fourth passes that check (no deep nesting, no long run) yet took over 6 s to parse in-process.
// Each is sent as a post, an edit and a preview at once, while the health check is asked in a
// loop: it must keep answering, and the event loop must never stall (the old code froze it for
// each body in turn).
import type * as NextServer from "next/server";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { describe, expect, it, vi } from "vitest";
import { ACTIONS, callAs, makeWorld, toFormData } from "@/test/action-world";
import { db } from "../db";

vi.mock("next/headers", () => import("@/test/next-headers"));
vi.mock("next/cache", () => ({ cacheTag: vi.fn(), cacheLife: vi.fn() }));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof NextServer>()),
  connection: async () => undefined,
}));

const bodies = {
  "a list nested 10,000 deep": "- ".repeat(10_000),
  "quotes nested 19,999 deep": ">".repeat(19_999),
  "10,000 asterisks": "*".repeat(10_000),
  "20,000 characters of alternating emphasis marks": "*_\n".repeat(6_666),
};

describe("bodies shaped to stall the parser, all at once", () => {
  it("are each refused with a clear message while the health check keeps answering", { timeout: 120_000 }, async () => {
    const world = await makeWorld();
    const headers = await callAs("author", world);
    headers.set("content-type", "application/json");
    const { createPostAction, editPostAction } = await import("../actions/posts");
    const { POST: preview } = await import("../../app/api/preview/route");
    const { GET: health } = await import("../../app/api/health/route");
    const posts = await db.post.count();
    const before = await db.post.findUniqueOrThrow({ where: { id: world.postId } });

    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    let settled = false;
    const answers: number[] = [];
    const serving = (async () => {
      while (!settled) {
        const asked = performance.now();
        const response = await health();
        expect(response.status).toBe(200);
        answers.push(performance.now() - asked);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();

    const started = performance.now();
    const results = await Promise.all(
      Object.values(bodies).map(async (body) => {
        const [created, edited, previewed] = await Promise.all([
          createPostAction({ ok: false }, toFormData({ ...ACTIONS.createPostAction!.form(world), body })),
          editPostAction({ ok: false }, toFormData({ postId: world.postId, body })),
          preview(
            new Request("http://localhost:3000/api/preview", {
              method: "POST",
              headers,
              body: JSON.stringify({ body }),
            }),
          ),
        ]);
        return { created, edited, previewed, error: (await previewed.json()).error as string };
      }),
    ).finally(() => (settled = true));
    const elapsed = performance.now() - started;
    await serving;
    delay.disable();

    const refusal = /nest at most 32 levels|no more than 64|took longer than/;
    for (const { created, edited, previewed, error } of results) {
      for (const result of [created, edited]) {
        expect(result.ok).toBe(false);
        expect(result.fieldErrors?.body?.[0]).toMatch(refusal);
      }
      expect(previewed.status).toBe(400);
      expect(error).toMatch(refusal);
    }
    expect(await db.post.count()).toBe(posts);
    expect(await db.post.findUniqueOrThrow({ where: { id: world.postId } })).toEqual(before);

    // Refused within the render budget (2 s each, a few queued behind each other), not minutes.
    expect(elapsed).toBeLessThan(30_000);
    // The health check was answered again and again meanwhile, never held up for long; the old
    // code kept the event loop blocked for seconds at a time.
    expect(answers.length).toBeGreaterThan(5);
    expect(Math.max(...answers)).toBeLessThan(1_500);
    expect(delay.max / 1e6).toBeLessThan(1_000);
  });
});
