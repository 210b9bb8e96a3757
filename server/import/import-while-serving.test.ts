// `npm run db:import` of a large archive, in its own process, while members keep posting through
// the app: the import held one transaction for the whole file, and 18 of 21 posts failed.
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getTagStore, now } from "@/cache-handlers/tag-store.mjs";
import { cacheTags } from "@/lib/cache-tags";
import { createDebate, createMember } from "@/test/factories";
import { db } from "../db";
import { createPost } from "../posts/create-post";

const POSTS = 4_000;

function largeArchive() {
  const sections = ["one", "two"].map((slug, i) => ({ slug, title: `Part ${slug}`, position: i + 1 }));
  const posts = Array.from({ length: POSTS }, (_, i) => ({
    id: `p${i}`,
    author: `Author ${i % 40}`,
    authorNote: null,
    section: i % 4 < 2 ? "one" : "two",
    // Every fourth post from the fifth on answers the post four before it (same section).
    parent: i >= 4 && i % 4 === 1 ? `p${i - 4}` : null,
    title: null,
    body: `Archived post ${i}: *a paragraph* of the length such archives hold, with a [link](https://example.org/${i}).`,
  }));
  return {
    debate: { slug: `large-${Date.now()}`, title: "A large archive", author: "Author 0", views: 0, body: "Opening." },
    sections,
    posts,
    articles: [],
  };
}

describe("importing while the site serves", () => {
  it("keeps every post members send during a large import, and imports everything exactly once", async () => {
    const file = largeArchive();
    const target = path.join(mkdtempSync(path.join(tmpdir(), "import-")), "archive.json");
    writeFileSync(target, JSON.stringify(file));
    const debate = await createDebate();
    const subheadingId = debate.subheadings[0]!.id;
    // This process stands for the server: its tag store exists before the import begins.
    const store = getTagStore();
    const cachedAt = now();

    const importer = spawn(
      process.execPath,
      [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/import-debate.ts", target],
      { env: process.env, stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    importer.stdout.on("data", (chunk) => (output += chunk));
    importer.stderr.on("data", (chunk) => (output += chunk));
    const finished = new Promise<number | null>((resolve) => importer.on("exit", resolve));
    let running = true;
    void finished.then(() => (running = false));

    // Members post (each once: the posting limit is not what is tested) until the import ends.
    const outcomes: ("saved" | string)[] = [];
    const imported = () => db.post.count({ where: { debate: { slug: file.debate.slug } } });
    while (running || outcomes.length < 5) {
      const actor = await createMember();
      const body = `Posted during the import (${outcomes.length})`;
      outcomes.push(
        await createPost({ actor, subheadingId, parentId: null, title: null, body }).then(
          () => "saved",
          (error: unknown) => String(error),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await finished, output).toBe(0);

    const overlapping = outcomes.length;
    expect(overlapping).toBeGreaterThan(5);
    expect(outcomes.filter((o) => o !== "saved")).toEqual([]);
    expect(await db.post.count({ where: { subheadingId } })).toBe(overlapping);
    expect(await imported()).toBe(POSTS);
    // The server's caches learn of the import from the database, though it ran in another process.
    const { id: importedId } = await db.debate.findUniqueOrThrow({ where: { slug: file.debate.slug } });
    expect(await store.invalidatedAfter([cacheTags.debatePosts(importedId)], cachedAt)).toBe(true);
    expect(await store.invalidatedAfter([cacheTags.debateList()], cachedAt)).toBe(true);
    const counted = await db.subheading.findMany({
      where: { debate: { slug: file.debate.slug } },
      select: { contributionCount: true, replyCount: true },
    });
    const replies = file.posts.filter((p) => p.parent).length;
    expect(counted.reduce((n, s) => n + s.contributionCount, 0)).toBe(POSTS - replies);
    expect(counted.reduce((n, s) => n + s.replyCount, 0)).toBe(replies);
  }, 120_000);
});
