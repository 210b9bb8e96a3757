import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeCursor } from "@/lib/cursor";
import { addPost, createDebate } from "@/test/factories";
import { db } from "../db";
import { importDebate } from "../import/import-debate";
import { listContributions } from "../subheadings/list-contributions";
import { FLAT_PAGE_SIZE, listFlat } from "./list-flat";

const minutes = (n: number) => new Date(Date.UTC(2026, 0, 1, 12, n));

describe("listFlat (the flat reading mode)", () => {
  beforeAll(async () => {
    await importDebate(db, JSON.parse(readFileSync("prisma/seed-data/p2p-and-marxism.json", "utf8")));
  });

  it("lists a subheading's posts, contributions and replies alike, in time order, each naming what it answers", async () => {
    const debate = await createDebate();
    const subheadingId = debate.subheadings[0]!.id;
    const first = await addPost({
      subheadingId,
      body: "The first contribution, about commons.",
      createdAt: minutes(0),
    });
    const second = await addPost({ subheadingId, body: "A second contribution.", createdAt: minutes(1) });
    const reply = await addPost({
      subheadingId,
      parentId: first.id,
      body: "Answering the first.",
      createdAt: minutes(2),
    });
    const deeper = await addPost({ subheadingId, parentId: reply.id, body: "And deeper.", createdAt: minutes(3) });
    await addPost({ subheadingId: debate.subheadings[1]!.id, body: "Elsewhere.", createdAt: minutes(4) });

    const page = await listFlat(db, { subheadingId }, null);
    expect(page.posts.map((p) => p.id)).toEqual([first.id, second.id, reply.id, deeper.id]);
    expect(page.posts[0]!.inReplyTo).toBeNull();
    expect(page.posts[2]!.inReplyTo).toMatchObject({ id: first.id, excerpt: "The first contribution, about commons." });
    expect(page.posts[3]!.inReplyTo?.id).toBe(reply.id);
    expect(page.nextCursor).toBeNull();
  });

  it("lists the same posts as the nested view of a seeded subheading", async () => {
    const subheading = await db.subheading.findFirstOrThrow({ where: { slug: "marxism-and-p2p" } });
    const flat = await listFlat(db, { subheadingId: subheading.id }, null);
    const all = await db.post.findMany({
      where: { subheadingId: subheading.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    expect(flat.posts.map((p) => p.id)).toEqual(all.map((p) => p.id));
    const nested = await listContributions(db, subheading.id, "oldest", null);
    const ids = (nodes: { id: string; replies: unknown[] }[]): string[] =>
      nodes.flatMap((n) => [n.id, ...ids(n.replies as { id: string; replies: unknown[] }[])]);
    // Everything the nested view shows of it is in the flat view.
    expect(new Set(flat.posts.map((p) => p.id))).toEqual(
      new Set([...ids([...nested.pinned, ...nested.threads]), ...flat.posts.map((p) => p.id)]),
    );
  });

  it("lists one thread: its contribution and every reply beneath it, not its neighbours", async () => {
    const debate = await createDebate();
    const subheadingId = debate.subheadings[0]!.id;
    const root = await addPost({ subheadingId, createdAt: minutes(0) });
    const other = await addPost({ subheadingId, createdAt: minutes(1) });
    const a = await addPost({ subheadingId, parentId: root.id, createdAt: minutes(2) });
    await addPost({ subheadingId, parentId: other.id, createdAt: minutes(3) });
    const b = await addPost({ subheadingId, parentId: a.id, createdAt: minutes(4) });
    const page = await listFlat(db, { rootId: root.id }, null);
    expect(page.posts.map((p) => p.id)).toEqual([root.id, a.id, b.id]);
  });

  it("pages by keyset: every post once, in order, however many", async () => {
    const debate = await createDebate();
    const subheadingId = debate.subheadings[0]!.id;
    const made: string[] = [];
    // Posts sharing a timestamp are ordered by id: the keyset must not skip or repeat them.
    for (let i = 0; i < FLAT_PAGE_SIZE + 7; i++)
      made.push((await addPost({ subheadingId, createdAt: minutes(i % 20) })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await listFlat(db, { subheadingId }, decodeCursor(cursor));
      seen.push(...page.posts.map((p) => p.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(2);
    expect(seen).toHaveLength(made.length);
    expect(new Set(seen).size).toBe(made.length);
    const rows = await db.post.findMany({ where: { subheadingId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(seen).toEqual(rows.map((r) => r.id));
  });

  it("stops a page when its bodies fill the page's budget", async () => {
    const debate = await createDebate();
    const subheadingId = debate.subheadings[0]!.id;
    for (let i = 0; i < 5; i++) await addPost({ subheadingId, body: "words ".repeat(6_000), createdAt: minutes(i) });
    const page = await listFlat(db, { subheadingId }, null);
    expect(page.posts.length).toBeGreaterThan(0);
    expect(page.posts.length).toBeLessThan(5);
    expect(page.nextCursor).not.toBeNull();
  });

  it("keeps a hidden post's place without its content, and names no author for what a reply answers when that was hidden", async () => {
    const debate = await createDebate();
    const subheadingId = debate.subheadings[0]!.id;
    const hidden = await addPost({ subheadingId, body: "Something a moderator hid.", createdAt: minutes(0) });
    const reply = await addPost({ subheadingId, parentId: hidden.id, createdAt: minutes(1) });
    await db.post.update({ where: { id: hidden.id }, data: { hiddenAt: new Date(), hiddenReason: "Abuse" } });
    const page = await listFlat(db, { subheadingId }, null);
    expect(page.posts.map((p) => p.id)).toEqual([hidden.id, reply.id]);
    expect(page.posts[0]).toMatchObject({ state: "hidden", bodyHtml: null });
    expect(page.posts[1]!.inReplyTo).toEqual({ id: hidden.id, state: "hidden", author: null, excerpt: "" });
  });
});
