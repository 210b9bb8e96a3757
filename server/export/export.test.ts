// The debate export (issue 12): an export imports into an empty database as the same debate, and
// exporting that gives the same documents; what is hidden, deleted or archived is never in it.
import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrl, templateName, usesPostgres, withServer } from "@/test/postgres";
import { createDb, db, type Db } from "../db";
import { importDebate } from "../import/import-debate";
import { insertPost } from "../posts/insert-post";
import { exportDebateText } from "./export-debate";
import { readExportHeader, readThreads } from "./read-export";
import type { ExportPost } from "./export-model";

const SLUG = "p2p-and-marxism";
const seed = JSON.parse(readFileSync(`prisma/seed-data/${SLUG}.json`, "utf8")) as unknown;

/** A second fresh, migrated database of the file's kind, for an import that starts from nothing. */
async function secondDatabase(): Promise<{ db: Db; drop: () => Promise<void> }> {
  if (usesPostgres()) {
    // Named like the file's own, so the suite drops it with them when it ends.
    const name = `dc_test_file_${randomBytes(6).toString("hex")}`;
    await withServer((server) => server.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName()}"`));
    const second = createDb(databaseUrl(name));
    return { db: second, drop: () => second.$disconnect() };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "debate-commons-second-"));
  const file = path.join(dir, "second.db");
  const migrations = path.resolve("prisma/migrations");
  const sqlite = new Database(file);
  for (const name of readdirSync(migrations, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort())
    sqlite.exec(readFileSync(path.join(migrations, name, "migration.sql"), "utf8"));
  sqlite.close();
  const second = createDb(`file:${file}`);
  return {
    db: second,
    drop: async () => {
      await second.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const write = (tx: Db) => ({ tx, touch: () => {}, after: () => {} });

/**
 * Every post of the debate as a reader would compare them: by archive key, with place, author and
 * date; `removed` when a visitor cannot read it (it, or a post above it, is hidden or deleted, or
 * its subheading is archived).
 */
async function postsOf(database: Db) {
  const posts = await database.post.findMany({
    where: { debate: { slug: SLUG } },
    include: { author: true, parent: true, subheading: true },
  });
  const byId = new Map(posts.map((p) => [p.id, p]));
  const removed = (p: (typeof posts)[number]): boolean =>
    p.hiddenAt !== null ||
    p.deletedAt !== null ||
    p.subheading.archivedAt !== null ||
    (p.parentId !== null && removed(byId.get(p.parentId)!));
  const keyOf = (p: { id: string; importKey: string | null }) => p.importKey ?? p.id;
  return posts
    .map((p) => ({
      key: keyOf(p),
      parent: p.parent ? keyOf(p.parent) : null,
      subheading: p.subheading.slug,
      depth: p.depth,
      author: p.author?.name ?? null,
      authorKey: p.author?.importKey ?? null,
      attributionNote: p.attributionNote,
      title: p.title,
      body: p.body,
      createdAt: p.createdAt.toISOString(),
      dateKnown: p.dateKnown,
      replyType: p.replyType,
      removed: removed(p),
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

describe("the export of the seeded debate", () => {
  beforeAll(async () => {
    await importDebate(db, seed);
  });

  it("is the committed example, docs/p2p-and-marxism.export.md", async () => {
    const markdown = await exportDebateText(db, SLUG, "md");
    expect(markdown).toBe(readFileSync(`docs/${SLUG}.export.md`, "utf8"));
  });

  it("shows the opening post, each subheading in order, and every post with its author and date", async () => {
    const markdown = (await exportDebateText(db, SLUG, "md"))!;
    expect(markdown.startsWith("# P2P and Marxism\n\nOpened by Michel Bauwens · date not preserved · 857 views")).toBe(
      true,
    );
    const headings = [...markdown.matchAll(/^## \d+\. (.*)$/gm)].map((m) => m[1]);
    expect(headings).toHaveLength(8);
    expect(headings[0]).toBe("The historical failure of socialism and the continued dominance of capitalism");
    // A dated article, and a reply nested under the reply it answers (van-der-pijl, depth 2).
    expect(markdown).toContain("#### Paul Mason: the P2P Movement has paid insufficient attention to the state");
    expect(markdown).toMatch(/^Michel Bauwens \(excerpt chosen by [^)]*\) · 6 January 2016, 06:48 UTC/m);
    expect(markdown).toMatch(/^> > \*\*orsn\*\* \(the original post carried [^)]*\) · date not preserved/m);
    expect(markdown).toContain("Unknown author (name not preserved in the archived page)");
  });

  it("answers 404 for a debate that does not exist", async () => {
    expect(await exportDebateText(db, "no-such-debate", "json")).toBeNull();
  });
});

describe("export, then import into an empty database", () => {
  let second: Awaited<ReturnType<typeof secondDatabase>>;

  beforeAll(async () => {
    // The seed, with what members add: reply types, marks, a synthesis, proposals, and what a
    // visitor cannot see (a hidden reply and the reply beneath it, a deleted contribution, an
    // archived subheading).
    const debate = await db.debate.findUniqueOrThrow({ where: { slug: SLUG }, include: { subheadings: true } });
    const [first, second_, , , , , , last] = [...debate.subheadings].sort((a, b) => a.position - b.position);
    const member = await db.user.create({ data: { name: "Dana Member", email: "dana@example.test", handle: "dana" } });
    const kleiner = await db.post.findFirstOrThrow({ where: { importKey: "kleiner" } });
    await db.post.updateMany({ where: { importKey: "kleiner-reply" }, data: { replyType: "challenges" } });
    await db.post.update({
      where: { id: kleiner.id },
      data: { agreeCount: 4, disagreeCount: 2, passCount: 1, markCount: 7 },
    });
    const w = write(db);
    const supports = await insertPost(w, {
      subheadingId: kleiner.subheadingId,
      parentId: kleiner.id,
      authorId: member.id,
      body: "Yes, and the **licence** matters: see [the text](https://example.test/licence).",
      replyType: "supports",
      createdAt: new Date("2024-05-01T10:00:00Z"),
    });
    await db.post.update({ where: { id: supports.id }, data: { agreeCount: 1, markCount: 3 } });
    const hidden = await insertPost(w, {
      subheadingId: kleiner.subheadingId,
      parentId: kleiner.id,
      authorId: member.id,
      body: "A reply a moderator hid.",
      createdAt: new Date("2024-05-02T10:00:00Z"),
    });
    await db.post.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
    await insertPost(w, {
      subheadingId: kleiner.subheadingId,
      parentId: hidden.id,
      authorId: member.id,
      body: "A visible reply beneath the hidden one.",
      createdAt: new Date("2024-05-03T10:00:00Z"),
    });
    const deleted = await insertPost(w, {
      subheadingId: first!.id,
      authorId: member.id,
      title: "Deleted by its author",
      body: "Gone.",
      createdAt: new Date("2024-05-04T10:00:00Z"),
    });
    await db.post.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    await insertPost(w, {
      subheadingId: second_!.id,
      authorId: member.id,
      title: "A member's contribution",
      body: "Written on the site, with a date.\n\n```\nan unclosed fence",
      createdAt: new Date("2024-05-05T10:00:00Z"),
    });
    const archived = await db.subheading.create({
      data: { debateId: debate.id, slug: "archived-section", title: "Archived", position: 99, archivedAt: new Date() },
    });
    await insertPost(w, { subheadingId: archived.id, authorId: member.id, body: "In an archived subheading." });
    await db.synthesis.create({
      data: {
        debateId: debate.id,
        scopeKey: `debate:${debate.id}`,
        status: "converging",
        body: "The debate is converging on the commons.",
        version: 2,
      },
    });
    await db.synthesis.create({
      data: {
        debateId: debate.id,
        subheadingId: last!.id,
        scopeKey: `subheading:${last!.id}`,
        status: "settled",
        body: "Emancipation: *settled* for now.",
        version: 1,
      },
    });
    await db.proposal.create({
      data: {
        debateId: debate.id,
        subheadingId: last!.id,
        authorId: member.id,
        statement: "We adopt the commons as the frame.\nWith a second line.",
        createdAt: new Date("2024-06-01T00:00:00Z"),
        closesAt: new Date("2024-06-08T00:00:00Z"),
        closedAt: new Date("2024-06-08T00:00:00Z"),
        outcome: "Adopted, with one block noted.",
        agreeCount: 6,
        abstainCount: 1,
        disagreeCount: 0,
        blockCount: 1,
      },
    });
    await db.proposal.create({
      data: {
        debateId: debate.id,
        subheadingId: last!.id,
        statement: "Still open: not exported.",
        closesAt: new Date(Date.now() + 86_400_000),
        agreeCount: 2,
      },
    });
    second = await secondDatabase();
  });

  afterAll(async () => {
    await second.drop();
  });

  it("gives the same debate: posts, nesting, authors, dates, reply types, syntheses and proposals", async () => {
    const json = (await exportDebateText(db, SLUG, "json"))!;
    const summary = await importDebate(second.db, JSON.parse(json));
    expect(summary.debateCreated).toBe(true);

    const all = await postsOf(db);
    expect(all.filter((p) => p.removed)).toHaveLength(4);
    const visible = all.filter((p) => !p.removed).map(({ removed: _, ...p }) => p);
    const imported = (await postsOf(second.db)).map(({ removed: _, ...p }) => p);
    // Authors of the archive keep their key; a member becomes an archive author of the same name.
    expect(imported).toEqual(
      visible.map((p) => ({ ...p, authorKey: p.author === "Dana Member" ? "archive:dana-member" : p.authorKey })),
    );
    expect(imported.find((p) => p.key === "kleiner-reply")?.replyType).toBe("challenges");
    expect(imported.some((p) => p.body.includes("hid") || p.body.includes("beneath the hidden"))).toBe(false);
    expect(imported.some((p) => p.title === "Deleted by its author" || p.body.includes("archived subheading"))).toBe(
      false,
    );

    const kleiner = await second.db.post.findFirstOrThrow({ where: { importKey: "kleiner" } });
    expect([kleiner.agreeCount, kleiner.disagreeCount, kleiner.passCount, kleiner.markCount]).toEqual([4, 2, 1, 7]);
    const debate = await second.db.debate.findUniqueOrThrow({ where: { slug: SLUG } });
    const original = await db.debate.findUniqueOrThrow({ where: { slug: SLUG } });
    expect([debate.createdAt, debate.dateKnown, debate.viewCount]).toEqual([
      original.createdAt,
      original.dateKnown,
      original.viewCount,
    ]);
    const syntheses = await second.db.synthesis.findMany({ include: { versions: true }, orderBy: { scopeKey: "asc" } });
    expect(syntheses.map((s) => [s.status, s.body, s.version, s.versions.map((v) => v.number)])).toEqual([
      ["converging", "The debate is converging on the commons.", 1, [1]],
      ["settled", "Emancipation: *settled* for now.", 1, [1]],
    ]);
    const proposals = await second.db.proposal.findMany();
    expect(proposals).toHaveLength(1);
    expect(proposals[0]).toMatchObject({
      statement: "We adopt the commons as the frame.\nWith a second line.",
      outcome: "Adopted, with one block noted.",
      agreeCount: 6,
      abstainCount: 1,
      disagreeCount: 0,
      blockCount: 1,
    });
  });

  it("exports from the imported copy exactly what the original exported, in every format", async () => {
    for (const format of ["json", "md", "argdown"] as const) {
      expect(await exportDebateText(second.db, SLUG, format), format).toBe(await exportDebateText(db, SLUG, format));
    }
  });

  it("adds nothing when the same export is imported again", async () => {
    const json = (await exportDebateText(db, SLUG, "json"))!;
    expect(await importDebate(second.db, JSON.parse(json))).toEqual({
      debateCreated: false,
      subheadingsCreated: 0,
      postsCreated: 0,
      authorsCreated: 0,
    });
    expect(await second.db.proposal.count()).toBe(1);
  });

  it("shows agreement counts only from five marks, and the debate's synthesis after the opening post", async () => {
    const markdown = (await exportDebateText(db, SLUG, "md"))!;
    expect(markdown).toContain("4 agree, 2 disagree, 1 pass");
    expect(markdown).not.toMatch(/1 agree, 0 disagree, 0 pass/);
    expect(markdown.indexOf("## Where the debate stands")).toBeLessThan(markdown.indexOf("## 1. "));
    expect(markdown).toContain("*Status: Converging*");
    expect(markdown).toMatch(/Outcome: Adopted, with one block noted\. · closed 8 June 2024, 00:00 UTC/);
    expect(markdown).toContain("6 agree, 1 abstain, 0 disagree, 1 block");
    expect(markdown).not.toContain("Still open");
    // The unclosed fence is closed, so the next subheading is still a heading.
    expect(markdown).toMatch(/an unclosed fence\n```\n\n## 3\. /);
  });

  it("reads the same threads whatever the page size (keyset pages neither skip nor repeat)", async () => {
    const header = (await readExportHeader(db, SLUG))!;
    const collect = async (pageSize: number) => {
      const out: ExportPost[] = [];
      for (const section of header.sections) for await (const t of readThreads(db, section, pageSize)) out.push(t);
      return out;
    };
    const whole = await collect(500);
    expect(whole.length).toBeGreaterThan(5);
    expect(await collect(1)).toEqual(whole);
    expect(await collect(2)).toEqual(whole);
  });
});
