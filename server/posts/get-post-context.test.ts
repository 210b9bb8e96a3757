import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { DISPLAY_DEPTH, PERMALINK_FIRST_REPLIES } from "@/lib/thread-tree";
import { addPost, createDebate } from "@/test/factories";
import { db } from "../db";
import { importDebate } from "../import/import-debate";
import { getPostContext, NEAREST_ANCESTORS } from "./get-post-context";

const idOf = async (importKey: string) => (await db.post.findFirstOrThrow({ where: { importKey } })).id;

describe("getPostContext (permalinks)", () => {
  beforeAll(async () => {
    await importDebate(db, JSON.parse(readFileSync("prisma/seed-data/p2p-and-marxism.json", "utf8")));
  });

  it("shows a reply beneath the posts it answers, in its subheading", async () => {
    const context = await getPostContext(db, "p2p-and-marxism", await idOf("van-der-pijl"));
    expect(context?.subheading.slug).toBe("marxism-and-p2p");
    expect(context?.ancestors.map((p) => p.id)).toEqual([await idOf("kleiner"), await idOf("kleiner-reply")]);
    expect(context?.thread.author?.name).toBe("orsn");
    expect(context?.rootId).toBe(await idOf("kleiner"));
  });

  it("shows a contribution with its replies", async () => {
    const context = await getPostContext(db, "p2p-and-marxism", await idOf("poulantzas-link"));
    expect(context?.ancestors).toEqual([]);
    expect(context?.thread.replies.map((r) => r.author?.name)).toEqual(["Michel Bauwens", "Michel Bauwens"]);
  });

  it("finds nothing for an unknown post, or a post of another debate", async () => {
    expect(await getPostContext(db, "p2p-and-marxism", "no-such-post")).toBeNull();
    const other = await createDebate();
    const post = await addPost({ subheadingId: other.subheadings[0]!.id });
    expect(await getPostContext(db, "p2p-and-marxism", post.id)).toBeNull();
    expect(await getPostContext(db, other.slug, post.id)).not.toBeNull();
  });

  it("loads replies only down to the display depth below the post", async () => {
    const debate = await createDebate();
    const subheadingId = debate.subheadings[0]!.id;
    let parentId: string | null = null;
    const chain: string[] = [];
    for (let i = 0; i < DISPLAY_DEPTH + 4; i++) {
      const post: { id: string } = await addPost({ subheadingId, parentId });
      chain.push(post.id);
      parentId = post.id;
    }
    const context = await getPostContext(db, debate.slug, chain[1]!);
    let node = context!.thread;
    let levels = 0;
    while (node.replies[0]) {
      node = node.replies[0];
      levels++;
    }
    expect(levels).toBe(DISPLAY_DEPTH);
    expect(node.id).toBe(chain[1 + DISPLAY_DEPTH]);
    expect(node.replyCount).toBe(1); // there is more: the page offers "continue this thread"
  });

  it("never hands out the content of a hidden or deleted post", async () => {
    const debate = await createDebate();
    const post = await addPost({
      subheadingId: debate.subheadings[0]!.id,
      body: "secret words",
      title: "Secret title",
    });
    await db.post.update({ where: { id: post.id }, data: { hiddenAt: new Date(), hiddenReason: "spam" } });
    const hidden = await getPostContext(db, debate.slug, post.id);
    expect(hidden?.thread).toMatchObject({ state: "hidden", bodyHtml: null, title: null, hiddenReason: "spam" });
    await db.post.update({ where: { id: post.id }, data: { hiddenAt: null, deletedAt: new Date() } });
    expect((await getPostContext(db, debate.slug, post.id))?.thread).toMatchObject({
      state: "deleted",
      bodyHtml: null,
    });
  });

  it("shows the ancestors of a deep reply compactly: the thread's top, the nearest few, and how many between", async () => {
    const debate = await createDebate();
    const subheadingId = debate.subheadings[0]!.id;
    const root = await addPost({ subheadingId, title: "Where it began", body: "The very first words. ".repeat(100) });
    // A 500-deep chain, written at once.
    const chain: string[] = [root.id];
    for (let depth = 1; depth <= 500; depth++) {
      const id = `chain-${debate.id}-${depth}`;
      await db.post.create({
        data: {
          id,
          debateId: root.debateId,
          subheadingId,
          parentId: chain.at(-1)!,
          rootId: root.id,
          depth,
          body: `Step ${depth}`,
          bodyHtml: `<p>Step ${depth}</p>`,
          replyCount: depth < 500 ? 1 : 0,
        },
      });
      chain.push(id);
    }
    const context = (await getPostContext(db, debate.slug, chain.at(-1)!))!;
    expect(context.thread.id).toBe(chain.at(-1));
    expect(context.ancestors.map((a) => a.id)).toEqual([root.id, ...chain.slice(-1 - NEAREST_ANCESTORS, -1)]);
    expect(context.skipped).toEqual({
      count: 500 - 1 - NEAREST_ANCESTORS,
      nearestId: chain.at(-2 - NEAREST_ANCESTORS),
    });
    // First lines as plain text, never the HTML; the rest of a long one behind "more".
    expect(context.ancestors.at(-1)).toMatchObject({ firstLine: "Step 499", more: null });
    expect(context.ancestors[0]!.firstLine.length).toBeLessThanOrEqual(161);
    expect(context.ancestors[0]!.more!.length).toBeLessThanOrEqual(1001);
    expect(context.ancestors[0]).not.toHaveProperty("bodyHtml");
  }, 30_000);

  it("shows the first replies of a post with 500 of them, and says how many more", async () => {
    const debate = await createDebate();
    const subheadingId = debate.subheadings[0]!.id;
    const post = await addPost({ subheadingId });
    await db.post.createMany({
      data: Array.from({ length: 500 }, (_, i) => ({
        debateId: post.debateId,
        subheadingId,
        parentId: post.id,
        rootId: post.id,
        depth: 1,
        body: `Reply ${i}`,
        bodyHtml: `<p>Reply ${i}</p>`,
        createdAt: new Date(Date.UTC(2024, 0, 1) + i * 1000),
      })),
    });
    await db.post.update({ where: { id: post.id }, data: { replyCount: 500 } });
    const context = (await getPostContext(db, debate.slug, post.id))!;
    expect(context.thread.replies.map((r) => r.bodyHtml)).toEqual(
      Array.from({ length: PERMALINK_FIRST_REPLIES }, (_, i) => `<p>Reply ${i}</p>`),
    );
    expect(context.thread.replyCount).toBe(500);
  }, 30_000);
});
