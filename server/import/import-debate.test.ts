import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { importDebate } from "./import-debate";

const file = JSON.parse(readFileSync("prisma/seed-data/p2p-and-marxism.json", "utf8")) as {
  sections: { slug: string; title: string; position: number }[];
  posts: {
    id: string;
    author: string | null;
    authorNote: string | null;
    section: string;
    parent: string | null;
    title: string | null;
  }[];
  articles: {
    id: string;
    title: string;
    author: string;
    date: string | null;
    section: string;
    comments: { id: string; author: string }[];
  }[];
};

async function postByKey(importKey: string) {
  return db.post.findFirstOrThrow({
    where: { importKey },
    include: { subheading: true, parent: true, author: true },
  });
}

async function snapshot() {
  const [users, debates, subheadings, posts] = await Promise.all([
    db.user.findMany({ orderBy: { id: "asc" } }),
    db.debate.findMany({ orderBy: { id: "asc" } }),
    db.subheading.findMany({ orderBy: { id: "asc" } }),
    db.post.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { users, debates, subheadings, posts };
}

describe("importDebate (the P2P and Marxism seed)", () => {
  beforeAll(async () => {
    const summary = await importDebate(db, file);
    expect(summary).toMatchObject({ debateCreated: true, subheadingsCreated: 8, postsCreated: 18 });
  });

  it("creates the debate with its opening post by Michel Bauwens and 857 views", async () => {
    const debate = await db.debate.findUniqueOrThrow({ where: { slug: "p2p-and-marxism" }, include: { author: true } });
    expect(debate.title).toBe("P2P and Marxism");
    expect(debate.author?.name).toBe("Michel Bauwens");
    expect(debate.viewCount).toBe(857);
    expect(debate.bodyHtml).toContain("the role of the commons");
  });

  it("creates the eight subheadings in the order and with the slugs given", async () => {
    const subheadings = await db.subheading.findMany({ orderBy: { position: "asc" } });
    expect(subheadings.map((s) => [s.slug, s.title])).toEqual(file.sections.map((s) => [s.slug, s.title]));
  });

  it("places every reply under its subheading, with its author, note and parent", async () => {
    for (const reply of file.posts) {
      const post = await postByKey(reply.id);
      expect(post.subheading.slug, reply.id).toBe(reply.section);
      expect(post.parent?.importKey ?? null, reply.id).toBe(reply.parent);
      expect(post.author?.name ?? null, reply.id).toBe(reply.author);
      expect(post.attributionNote, reply.id).toBe(reply.authorNote);
      expect(post.title, reply.id).toBe(reply.title);
    }
  });

  it("keeps an unknown author unknown, with the note that says so", async () => {
    const post = await postByKey("seriously");
    expect(post.authorId).toBeNull();
    expect(post.attributionNote).toBe("name not preserved in the archived page");
  });

  it("nests replies at the right depth beneath their thread", async () => {
    const deepest = await postByKey("van-der-pijl");
    const kleiner = await postByKey("kleiner");
    expect(deepest.depth).toBe(2);
    expect(deepest.rootId).toBe(kleiner.id);
    expect(kleiner.replyCount).toBe(1);
  });

  it("imports the four articles as dated contributions, with their comments as replies", async () => {
    for (const article of file.articles) {
      const post = await postByKey(article.id);
      expect(post.parentId).toBeNull();
      expect(post.subheading.slug).toBe(article.section);
      expect(post.title).toBe(article.title);
      expect(post.author?.name).toBe(article.author);
      expect(post.dateKnown).toBe(article.date !== null);
      if (article.date) expect(post.createdAt.toISOString()).toBe(new Date(article.date).toISOString());
      for (const comment of article.comments) {
        const reply = await postByKey(comment.id);
        expect(reply.parentId).toBe(post.id);
        expect(reply.author?.name).toBe(comment.author);
      }
    }
  });

  it("makes imported authors users who cannot sign in", async () => {
    const users = await db.user.findMany();
    expect(users.map((u) => u.name).sort()).toEqual([
      "Andy Robinson",
      "Jo",
      "Michel Bauwens",
      "Robin Good",
      "Sepp Hasslberger",
      "orsn",
    ]);
    for (const user of users) {
      expect(user.importKey).not.toBeNull();
      expect(user.email).toBeNull();
      expect(user.passwordHash).toBeNull();
    }
  });

  it("leaves every counter equal to what it counts", async () => {
    const subheadings = await db.subheading.findMany({ include: { posts: true } });
    for (const s of subheadings) {
      expect(s.contributionCount, s.slug).toBe(s.posts.filter((p) => p.parentId === null).length);
      expect(s.replyCount, s.slug).toBe(s.posts.filter((p) => p.parentId !== null).length);
    }
    const debate = await db.debate.findFirstOrThrow();
    expect(debate.contributionCount).toBe(11);
    expect(debate.replyCount).toBe(7);
    const posts = await db.post.findMany({ include: { _count: { select: { replies: true } } } });
    for (const p of posts) expect(p.replyCount, p.importKey!).toBe(p._count.replies);
  });

  it("changes nothing when run again", async () => {
    const before = await snapshot();
    const summary = await importDebate(db, file);
    expect(summary).toEqual({ debateCreated: false, subheadingsCreated: 0, postsCreated: 0, authorsCreated: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it("keeps what users added when run again", async () => {
    const debate = await db.debate.findFirstOrThrow();
    await db.debate.update({ where: { id: debate.id }, data: { viewCount: 900 } });
    await importDebate(db, file);
    expect((await db.debate.findFirstOrThrow()).viewCount).toBe(900);
  });

  it("refuses an inconsistent file without writing anything", async () => {
    const before = await snapshot();
    const broken = structuredClone(file);
    broken.posts.push({
      id: "orphan",
      author: "Someone New",
      authorNote: null,
      section: "no-such-section",
      parent: null,
      title: null,
      body: "x",
    } as never);
    (broken as unknown as { debate: { slug: string } }).debate = {
      ...(file as unknown as { debate: object }).debate,
      slug: "another-debate",
    } as never;
    await expect(importDebate(db, broken)).rejects.toThrow(/unknown section "no-such-section"/);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a reply type or synthesis status the site does not know, without writing anything", async () => {
    const before = await snapshot();
    const base = file as unknown as { debate: object; sections: object[]; posts: object[] };
    const withType = {
      ...base,
      debate: { ...base.debate, slug: "typed" },
      posts: [{ ...base.posts[3], replyType: "agrees" }],
    };
    await expect(importDebate(db, withType)).rejects.toThrow(/replyType/);
    const withStatus = {
      ...base,
      debate: { ...base.debate, slug: "typed", synthesis: { status: "done", body: "x" } },
    };
    await expect(importDebate(db, withStatus)).rejects.toThrow(/status/);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a subheading whose slug is one of the debate's own pages (synthesis, new, posts), without writing anything", async () => {
    const before = await snapshot();
    const base = file as unknown as { debate: object; sections: { slug: string }[]; posts: { section: string }[] };
    for (const reserved of ["synthesis", "new", "posts"]) {
      const clash = {
        ...base,
        debate: { ...base.debate, slug: `clash-${reserved}` },
        sections: base.sections.map((s, i) => (i === 0 ? { ...s, slug: reserved } : s)),
        posts: base.posts.map((p) => (p.section === base.sections[0]!.slug ? { ...p, section: reserved } : p)),
      };
      await expect(importDebate(db, clash), reserved).rejects.toThrow(/reserved word/);
    }
    expect(await snapshot()).toEqual(before);
  });
});
