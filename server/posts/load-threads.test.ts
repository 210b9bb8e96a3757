import { describe, expect, it } from "vitest";
import { decodeCursor } from "@/lib/cursor";
import { CHUNK_BUDGET, DISPLAY_DEPTH, REPLIES_PER_CHUNK } from "@/lib/thread-tree";
import { addPost, createDebate } from "@/test/factories";
import { db } from "../db";
import { loadReplyChunk } from "./load-threads";

async function addReplies(parent: { id: string; subheadingId: string; debateId: string }, n: number) {
  const start = Date.UTC(2024, 5, 1);
  await db.post.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      debateId: parent.debateId,
      subheadingId: parent.subheadingId,
      parentId: parent.id,
      rootId: parent.id,
      depth: 1,
      body: `Reply ${i}`,
      bodyHtml: `<p>Reply ${i}</p>`,
      // Pairs share a timestamp: the id breaks the tie.
      createdAt: new Date(start + Math.floor(i / 2) * 1000),
    })),
  });
  await db.post.update({ where: { id: parent.id }, data: { replyCount: { increment: n } } });
}

describe("loadReplyChunk (show N more replies)", () => {
  it("pages through 500 replies by keyset, each once and in time order, saying how many are left", async () => {
    const debate = await createDebate();
    const root = await addPost({ subheadingId: debate.subheadings[0]!.id });
    await addReplies(root, 500);
    const seen: string[] = [];
    let after: string | null = null;
    let chunks = 0;
    do {
      const chunk = await loadReplyChunk(db, root.id, decodeCursor(after), 1);
      expect(chunk!.nodes.length).toBeLessThanOrEqual(REPLIES_PER_CHUNK);
      seen.push(...chunk!.nodes.map((n) => n.id));
      expect(chunk!.remaining).toBe(500 - seen.length);
      expect(chunk!.rootId).toBe(root.id);
      after = chunk!.nextCursor;
      if (++chunks > 100) throw new Error("does not end");
    } while (after);
    expect(chunks).toBe(500 / REPLIES_PER_CHUNK);
    const expected = await db.post.findMany({
      where: { parentId: root.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    expect(seen).toEqual(expected.map((p) => p.id));
  }, 30_000);

  it("starts after the last reply a page showed", async () => {
    const debate = await createDebate();
    const root = await addPost({ subheadingId: debate.subheadings[0]!.id });
    await addReplies(root, 30);
    const first = await db.post.findMany({
      where: { parentId: root.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    const chunk = await loadReplyChunk(db, root.id, { createdAt: first[4]!.createdAt, id: first[4]!.id }, 1);
    expect(chunk!.nodes[0]!.id).toBe(first[5]!.id);
    expect(chunk!.remaining).toBe(30 - 5 - REPLIES_PER_CHUNK);
  });

  it("keeps a chunk within its budget of post HTML, showing at least one reply", async () => {
    const debate = await createDebate();
    const subheadingId = debate.subheadings[0]!.id;
    const root = await addPost({ subheadingId });
    const long = "Many words of a long reply. ".repeat(700);
    for (let i = 0; i < 8; i++) await addPost({ subheadingId, parentId: root.id, body: long });
    const chunk = await loadReplyChunk(db, root.id, null, 1);
    const chars = chunk!.nodes.reduce((n, node) => n + (node.bodyHtml?.length ?? 0), 0);
    expect(chunk!.nodes.length).toBeGreaterThan(0);
    expect(chunk!.nodes.length).toBeLessThan(8);
    expect(chars).toBeLessThanOrEqual(CHUNK_BUDGET.bodyChars + long.length + 100);
    expect(chunk!.remaining).toBe(8 - chunk!.nodes.length);
  }, 30_000);

  it("nests the replies' own replies only down to the display depth", async () => {
    const debate = await createDebate();
    const subheadingId = debate.subheadings[0]!.id;
    let parent = await addPost({ subheadingId });
    const top = parent;
    for (let i = 0; i < DISPLAY_DEPTH + 3; i++) parent = await addPost({ subheadingId, parentId: parent.id });
    // The chunk's replies sit at the display's third level: one more level below them, no deeper.
    const chunk = await loadReplyChunk(db, top.id, null, DISPLAY_DEPTH - 1);
    expect(chunk!.nodes).toHaveLength(1);
    expect(chunk!.nodes[0]!.replies).toHaveLength(1);
    expect(chunk!.nodes[0]!.replies[0]!.replies).toEqual([]);
  });

  it("is null for an unknown post", async () => {
    expect(await loadReplyChunk(db, "no-such-post", null, 1)).toBeNull();
  });
});
