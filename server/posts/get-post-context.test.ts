import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { DISPLAY_DEPTH } from "@/lib/thread-tree";
import { addPost, createDebate } from "@/test/factories";
import { db } from "../db";
import { importDebate } from "../import/import-debate";
import { getPostContext } from "./get-post-context";

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
});
