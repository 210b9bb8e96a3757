// Issue 8, finding 1: edits were unlimited, so one account could keep the renderer busy. Edits are
// now counted like posts (lib/rules/post-rate-limit.ts: 5 a minute and 60 an hour, 3 and 10 in an
// account's first day), from the revisions each editor wrote.
import { describe, expect, it, vi } from "vitest";
import { callAs, makeWorld, toFormData } from "@/test/action-world";
import { createDebate, createMember } from "@/test/factories";
import { db } from "../db";
import { createPost } from "./create-post";
import { editPost } from "./edit-post";

vi.mock("next/headers", () => import("@/test/next-headers"));
vi.mock("next/cache", () => ({ cacheTag: vi.fn(), cacheLife: vi.fn() }));

async function freshPost(author: Awaited<ReturnType<typeof createMember>>) {
  const debate = await createDebate();
  return createPost({
    actor: author,
    subheadingId: debate.subheadings[0]!.id,
    parentId: null,
    title: null,
    body: "v0",
  });
}

describe("editing too fast", () => {
  it("refuses a sixth edit within a minute, with when to try again, and changes nothing", async () => {
    const world = await makeWorld();
    await callAs("author", world);
    const { editPostAction } = await import("../actions/posts");
    for (let i = 1; i <= 5; i++) {
      const result = await editPostAction({ ok: false }, toFormData({ postId: world.postId, body: `Version ${i}.` }));
      expect(result, `edit ${i}`).toMatchObject({ ok: true });
    }
    const revisions = await db.postRevision.count({ where: { postId: world.postId } });
    const refused = await editPostAction({ ok: false }, toFormData({ postId: world.postId, body: "Version 6." }));
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/editing quickly\. Please wait \d+ seconds? before editing again/);
    expect((await db.post.findUniqueOrThrow({ where: { id: world.postId } })).body).toBe("Version 5.");
    expect(await db.postRevision.count({ where: { postId: world.postId } })).toBe(revisions);
  });

  it("counts the edits each editor made, not the original a first edit keeps", async () => {
    const author = await createMember();
    const post = await freshPost(author);
    // The first edit stores the original too (dated when it was posted): it is not an edit.
    for (let i = 1; i <= 5; i++) await editPost({ actor: author, postId: post.id, title: null, body: `v${i}` });
    await expect(editPost({ actor: author, postId: post.id, title: null, body: "v6" })).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
    // Edits of other posts count too, and an account's first day allows three a minute.
    const newcomer = await createMember({ createdAt: new Date() });
    const first = await freshPost(newcomer);
    const second = await freshPost(newcomer);
    await editPost({ actor: newcomer, postId: first.id, title: null, body: "v1" });
    await editPost({ actor: newcomer, postId: second.id, title: null, body: "v1" });
    await editPost({ actor: newcomer, postId: first.id, title: null, body: "v2" });
    await expect(editPost({ actor: newcomer, postId: second.id, title: null, body: "v2" })).rejects.toMatchObject({
      code: "RATE_LIMITED",
      seconds: expect.any(Number),
    });
  });
});
