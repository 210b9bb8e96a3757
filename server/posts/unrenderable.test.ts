// Issue 8, finding 1: a 20,000-character body shaped to stall the Markdown parser (a list nested
// 10,000 deep, quotes nested 19,999 deep, 10,000 asterisks) blocked the server for over a minute,
// through posting, editing or the preview. Each is now refused at once, with a field error, and
// nothing is written.
import { describe, expect, it, vi } from "vitest";
import { ACTIONS, callAs, makeWorld, toFormData } from "@/test/action-world";
import { db } from "../db";

vi.mock("next/headers", () => import("@/test/next-headers"));
vi.mock("next/cache", () => ({ cacheTag: vi.fn(), cacheLife: vi.fn() }));

const bodies = {
  "a list nested 10,000 deep": "- ".repeat(10_000),
  "quotes nested 19,999 deep": ">".repeat(19_999),
  "10,000 asterisks": "*".repeat(10_000),
};

describe("bodies shaped to stall the parser", () => {
  for (const [name, body] of Object.entries(bodies)) {
    it(`refuse ${name} when posting, editing and previewing, and write nothing`, async () => {
      const world = await makeWorld();
      await callAs("author", world);
      const { createPostAction, editPostAction } = await import("../actions/posts");
      const posts = await db.post.count();
      const before = await db.post.findUniqueOrThrow({ where: { id: world.postId } });

      const started = performance.now();
      const created = await createPostAction(
        { ok: false },
        toFormData({ ...ACTIONS.createPostAction!.form(world), body }),
      );
      const edited = await editPostAction({ ok: false }, toFormData({ postId: world.postId, body }));
      const headers = await callAs("author", world);
      headers.set("content-type", "application/json");
      const { POST } = await import("../../app/api/preview/route");
      const preview = await POST(
        new Request("http://localhost:3000/api/preview", { method: "POST", headers, body: JSON.stringify({ body }) }),
      );
      // Three refusals in well under a second each, not a minute of parsing.
      expect(performance.now() - started).toBeLessThan(3_000);

      for (const result of [created, edited]) {
        expect(result.ok).toBe(false);
        expect(result.fieldErrors?.body?.[0]).toMatch(/nest at most 32 levels|no more than 64/);
      }
      expect(preview.status).toBe(400);
      expect((await preview.json()).error).toMatch(/nest at most 32 levels|no more than 64/);
      expect(await db.post.count()).toBe(posts);
      expect(await db.post.findUniqueOrThrow({ where: { id: world.postId } })).toEqual(before);
    });
  }
});
