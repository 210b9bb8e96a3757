import { describe, expect, it } from "vitest";
import { createDebate, createMember } from "@/test/factories";
import { db } from "../db";
import { createPost } from "./create-post";
import { deletePost, editPost, getPostSource } from "./edit-post";
import { getPostContext } from "./get-post-context";
import { listRevisions } from "./list-revisions";

async function setup() {
  const debate = await createDebate();
  const author = await createMember();
  const other = await createMember();
  const post = await createPost({
    actor: author,
    subheadingId: debate.subheadings[0]!.id,
    parentId: null,
    title: "First title",
    body: "First words.",
  });
  return { debate, author, other, post };
}

describe("editPost", () => {
  it("changes the author's post and keeps every version with who and when", async () => {
    const { debate, author, post } = await setup();
    await editPost({ actor: author, postId: post.id, title: "Better title", body: "Better *words*." });
    await editPost({ actor: author, postId: post.id, title: "Better title", body: "Best words." });

    const row = await db.post.findUniqueOrThrow({ where: { id: post.id } });
    expect(row).toMatchObject({ title: "Better title", body: "Best words." });
    expect(row.editedAt).not.toBeNull();
    expect(row.bodyHtml).toBe("<p>Best words.</p>");

    const history = await listRevisions(db, debate.slug, post.id);
    expect(history?.revisions.map((r) => [r.number, r.editor?.id, r.title, r.bodyHtml])).toEqual([
      [1, author.id, "First title", "<p>First words.</p>"],
      [2, author.id, "Better title", "<p>Better <em>words</em>.</p>"],
      [3, author.id, "Better title", "<p>Best words.</p>"],
    ]);
    expect(history!.revisions[0]!.createdAt.getTime()).toBe(row.createdAt.getTime());
  });

  it("refuses someone else's post and changes nothing", async () => {
    const { other, post } = await setup();
    await expect(editPost({ actor: other, postId: post.id, title: null, body: "Hijacked" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(getPostSource({ actor: other, postId: post.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.post.findUniqueOrThrow({ where: { id: post.id } })).body).toBe("First words.");
    expect(await db.postRevision.count({ where: { postId: post.id } })).toBe(0);
  });

  it("refuses an edit that changes nothing, and a deleted or hidden post", async () => {
    const { author, post } = await setup();
    await expect(
      editPost({ actor: author, postId: post.id, title: "First title", body: "First words." }),
    ).rejects.toMatchObject({ code: "INVALID" });
    await db.post.update({ where: { id: post.id }, data: { hiddenAt: new Date() } });
    await expect(editPost({ actor: author, postId: post.id, title: null, body: "x" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await db.post.update({ where: { id: post.id }, data: { hiddenAt: null, deletedAt: new Date() } });
    await expect(editPost({ actor: author, postId: post.id, title: null, body: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("hands the author their own Markdown to edit", async () => {
    const { author, post } = await setup();
    expect(await getPostSource({ actor: author, postId: post.id })).toEqual({
      title: "First title",
      body: "First words.",
    });
  });
});

describe("deletePost", () => {
  it("leaves a tombstone in place, keeps the replies and shows no content", async () => {
    const { debate, author, other, post } = await setup();
    const reply = await createPost({
      actor: other,
      subheadingId: debate.subheadings[0]!.id,
      parentId: post.id,
      title: null,
      body: "A reply that stays.",
    });
    await editPost({ actor: author, postId: post.id, title: null, body: "Edited before deletion." });
    await deletePost({ actor: author, postId: post.id });

    const context = await getPostContext(db, debate.slug, post.id);
    expect(context?.thread).toMatchObject({ state: "deleted", bodyHtml: null, title: null });
    expect(context?.thread.replies.map((r) => r.id)).toEqual([reply.id]);
    const history = await listRevisions(db, debate.slug, post.id);
    expect(history?.revisions.every((r) => r.bodyHtml === null && r.title === null)).toBe(true);
    // Nor does it name anyone (issue 8, finding 9): not the author, not who edited it.
    expect(history?.post.author).toBeNull();
    expect(history?.revisions.map((r) => r.editor)).toEqual([null, null]);
  });

  it("refuses someone else's post", async () => {
    const { other, post } = await setup();
    await expect(deletePost({ actor: other, postId: post.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.post.findUniqueOrThrow({ where: { id: post.id } })).deletedAt).toBeNull();
  });
});
