import { describe, expect, it } from "vitest";
import { addPost, createDebate } from "@/test/factories";
import { db } from "../db";

describe("insertPost", () => {
  it("counts a contribution and a reply in their subheading, debate and parent", async () => {
    const debate = await createDebate();
    const subheading = debate.subheadings[0]!;
    const when = new Date(Date.UTC(2030, 0, 1));
    const root = await addPost({ subheadingId: subheading.id, createdAt: when });
    const reply = await addPost({ subheadingId: subheading.id, parentId: root.id });
    expect(reply).toMatchObject({ depth: 1, rootId: root.id, debateId: debate.id });

    const s = await db.subheading.findUniqueOrThrow({ where: { id: subheading.id } });
    expect([s.contributionCount, s.replyCount]).toEqual([1, 1]);
    expect(s.lastActivityAt?.getTime()).toBe(when.getTime()); // the later of the two dates
    const d = await db.debate.findUniqueOrThrow({ where: { id: debate.id } });
    expect([d.contributionCount, d.replyCount]).toEqual([1, 1]);
    expect((await db.post.findUniqueOrThrow({ where: { id: root.id } })).replyCount).toBe(1);
  });

  it("stores the sanitized HTML with the Markdown", async () => {
    const debate = await createDebate();
    const post = await addPost({ subheadingId: debate.subheadings[0]!.id, body: "**bold** <script>alert(1)</script>" });
    const row = await db.post.findUniqueOrThrow({ where: { id: post.id } });
    expect(row.bodyHtml).toContain("<strong>bold</strong>");
    expect(row.bodyHtml).not.toContain("<script");
  });

  it("refuses a reply filed under another subheading than its parent, and writes nothing", async () => {
    const debate = await createDebate();
    const [a, b] = debate.subheadings;
    const root = await addPost({ subheadingId: a!.id });
    const before = await db.post.count();
    await expect(addPost({ subheadingId: b!.id, parentId: root.id })).rejects.toMatchObject({ code: "INVALID" });
    expect(await db.post.count()).toBe(before);
    expect((await db.subheading.findUniqueOrThrow({ where: { id: b!.id } })).replyCount).toBe(0);
    expect((await db.post.findUniqueOrThrow({ where: { id: root.id } })).replyCount).toBe(0);
  });

  it("refuses a reply to a post that does not exist", async () => {
    const debate = await createDebate();
    await expect(addPost({ subheadingId: debate.subheadings[0]!.id, parentId: "missing" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
