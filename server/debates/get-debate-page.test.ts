import { describe, expect, it } from "vitest";
import { addPost, createDebate } from "@/test/factories";
import { db } from "../db";
import { CONTRIBUTIONS_ON_DEBATE_PAGE, getDebatePage } from "./get-debate-page";
import { recordDebateView } from "./record-debate-view";

describe("getDebatePage", () => {
  it("lists every subheading in order with its first contributions and their replies", async () => {
    const debate = await createDebate({ subheadings: 3 });
    const [first, second] = debate.subheadings;
    const posts = [];
    for (let i = 0; i < CONTRIBUTIONS_ON_DEBATE_PAGE + 2; i++)
      posts.push(await addPost({ subheadingId: first!.id, createdAt: new Date(Date.UTC(2024, 0, 1, i)) }));
    const reply = await addPost({ subheadingId: first!.id, parentId: posts[0]!.id });
    const lone = await addPost({ subheadingId: second!.id });

    const page = await getDebatePage(db, debate.slug);
    expect(page?.sections.map((s) => s.slug)).toEqual(["part-1", "part-2", "part-3"]);
    const [s1, s2, s3] = page!.sections;
    expect(s1!.threads.map((t) => t.id)).toEqual(posts.slice(0, CONTRIBUTIONS_ON_DEBATE_PAGE).map((p) => p.id));
    expect(s1!.threads[0]!.replies.map((r) => r.id)).toEqual([reply.id]);
    expect(s1!.hasMore).toBe(true);
    expect(s2!.threads.map((t) => t.id)).toEqual([lone.id]);
    expect(s2!.hasMore).toBe(false);
    expect(s3!.threads).toEqual([]);
  });

  it("returns null for an unknown debate", async () => {
    expect(await getDebatePage(db, "no-such-debate")).toBeNull();
  });

  it("leaves archived subheadings out", async () => {
    const debate = await createDebate({ subheadings: 2 });
    await db.subheading.update({ where: { id: debate.subheadings[1]!.id }, data: { archivedAt: new Date() } });
    expect((await getDebatePage(db, debate.slug))?.sections.map((s) => s.slug)).toEqual(["part-1"]);
  });
});

describe("recordDebateView", () => {
  it("counts one view per call, and nothing for an unknown debate", async () => {
    const debate = await createDebate();
    expect(await recordDebateView(db, debate.slug)).toBe(true);
    expect(await recordDebateView(db, debate.slug)).toBe(true);
    expect((await db.debate.findUniqueOrThrow({ where: { id: debate.id } })).viewCount).toBe(2);
    expect(await recordDebateView(db, "no-such-debate")).toBe(false);
  });
});
