// Search through the real write paths, on whichever database the suite runs on (both legs): the
// index follows createPost, editPost, deletePost, hide/restore, move and the importer, and no
// query, however it is written, makes it fail.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { addPost, createDebate, createMember } from "@/test/factories";
import { db } from "../db";
import { importDebate } from "../import/import-debate";
import { hidePost, movePost, restorePost } from "../moderation/posts";
import { createPost } from "../posts/create-post";
import { deletePost, editPost } from "../posts/edit-post";
import { SEARCH_PAGE_SIZE, searchPosts, type SearchInput } from "./search-posts";

const search = (q: string, filters: Partial<SearchInput> = {}) =>
  searchPosts(db, { q, debate: null, subheading: null, authorId: null, from: null, to: null, after: null, ...filters });

/** The ids of every result, following "next page" to the end (and how many pages that took). */
async function allResults(q: string, filters: Partial<SearchInput> = {}) {
  const ids: string[] = [];
  let after: string | null = null;
  let pages = 0;
  do {
    const page = await search(q, { ...filters, after });
    expect(page.results.length).toBeLessThanOrEqual(SEARCH_PAGE_SIZE);
    ids.push(...page.results.map((r) => r.id));
    after = page.nextCursor;
    pages++;
  } while (after && pages < 100);
  return { ids, pages };
}

const ids = async (q: string, filters: Partial<SearchInput> = {}) =>
  (await search(q, filters)).results.map((r) => r.id);

/** A made-up word no seeded text contains, so a test's own posts are the only matches. */
const word = () => `zq${Math.random().toString(36).slice(2, 10).replace(/\d/g, "x")}`;

const moderator = async () => {
  const m = await createMember();
  await db.user.update({ where: { id: m.id }, data: { role: "MODERATOR" } });
  return { ...m, role: "MODERATOR" as const };
};

describe("search", () => {
  it("finds a word of an imported (seeded) post, with where it is, who wrote it, and the word marked", async () => {
    await importDebate(db, JSON.parse(readFileSync("prisma/seed-data/p2p-and-marxism.json", "utf8")));
    const page = await search("aristocracy");
    expect(page.results).toHaveLength(1);
    const [result] = page.results;
    expect(result!.debate).toMatchObject({ slug: "p2p-and-marxism", title: expect.any(String) });
    expect(result!.subheading.slug).toEqual(expect.any(String));
    expect(result!.author?.name).toEqual(expect.any(String));
    expect(result!.snippetHtml).toMatch(/<mark>aristocracy<\/mark>/i);
    const post = await db.post.findUniqueOrThrow({ where: { id: result!.id } });
    expect(post.body.toLowerCase()).toContain("aristocracy");
    // Ranked: a word of the title weighs more than the same word in a body.
    const debate = await createDebate();
    const w = word();
    const inBody = await addPost({ subheadingId: debate.subheadings[0]!.id, body: `Some ${w} here and there.` });
    const inTitle = await addPost({ subheadingId: debate.subheadings[0]!.id, title: `On ${w}`, body: "Nothing else." });
    expect(await ids(w)).toEqual([inTitle.id, inBody.id]);
    expect((await search(w)).results[0]!.titleHtml).toBe(`On <mark>${w}</mark>`);
  });

  it("finds a new post at once, and follows its edit", async () => {
    const debate = await createDebate();
    const actor = await createMember();
    const [before, after] = [word(), word()];
    const post = await createPost({
      actor,
      subheadingId: debate.subheadings[0]!.id,
      parentId: null,
      title: null,
      body: `A thought about ${before}.`,
    });
    expect(await ids(before)).toEqual([post.id]);
    await editPost({ actor, postId: post.id, title: null, body: `A second thought about ${after}.` });
    expect(await ids(before)).toEqual([]);
    expect(await ids(after)).toEqual([post.id]);
  });

  it("never finds a hidden or deleted post; a restored one comes back", async () => {
    const debate = await createDebate();
    const actor = await createMember();
    const mod = await moderator();
    const w = word();
    const make = () =>
      createPost({ actor, subheadingId: debate.subheadings[0]!.id, parentId: null, title: null, body: `About ${w}.` });
    const [kept, hidden, deleted] = [await make(), await make(), await make()];
    expect((await ids(w)).sort()).toEqual([kept.id, hidden.id, deleted.id].sort());

    await hidePost({ actor: mod, postId: hidden.id, reason: "Off topic" });
    await deletePost({ actor, postId: deleted.id });
    expect(await ids(w)).toEqual([kept.id]);

    await restorePost({ actor: mod, postId: hidden.id });
    expect((await ids(w)).sort()).toEqual([kept.id, hidden.id].sort());
  });

  it("follows a move to another subheading, replies and all", async () => {
    const debate = await createDebate();
    const [a, b] = debate.subheadings;
    const actor = await createMember();
    const w = word();
    const root = await createPost({ actor, subheadingId: a!.id, parentId: null, title: null, body: `Root ${w}.` });
    const reply = await createPost({ actor, subheadingId: a!.id, parentId: root.id, title: null, body: `Reply ${w}.` });
    const answer = await createPost({
      actor,
      subheadingId: a!.id,
      parentId: reply.id,
      title: null,
      body: `Deeper ${w}.`,
    });
    const inA = { debate: debate.slug, subheading: a!.slug };
    const inB = { debate: debate.slug, subheading: b!.slug };
    expect((await ids(w, inA)).sort()).toEqual([root.id, reply.id, answer.id].sort());

    await movePost({ actor: await moderator(), postId: reply.id, toSubheadingId: b!.id });
    expect(await ids(w, inA)).toEqual([root.id]);
    expect((await ids(w, inB)).sort()).toEqual([reply.id, answer.id].sort());
    const moved = (await search(w, inB)).results.find((r) => r.id === reply.id)!;
    expect(moved).toMatchObject({ subheading: { slug: b!.slug }, isReply: false });
  });

  it("leaves out archived subheadings and debates", async () => {
    const debate = await createDebate();
    const w = word();
    const post = await addPost({ subheadingId: debate.subheadings[0]!.id, body: `Archived ${w}.` });
    expect(await ids(w)).toEqual([post.id]);
    await db.subheading.update({ where: { id: debate.subheadings[0]!.id }, data: { archivedAt: new Date() } });
    expect(await ids(w)).toEqual([]);
    await db.subheading.update({ where: { id: debate.subheadings[0]!.id }, data: { archivedAt: null } });
    await db.debate.update({ where: { id: debate.id }, data: { archivedAt: new Date() } });
    expect(await ids(w)).toEqual([]);
    expect((await search(w, { debate: debate.slug })).scope.missing).toBe(true);
  });

  it("filters by debate, subheading, author and dates (posts without a known date never match a date range)", async () => {
    const [one, two] = [await createDebate(), await createDebate()];
    const [ada, bob] = [await createMember(), await createMember()];
    const w = word();
    const at = (day: string) => new Date(`${day}T12:00:00Z`);
    const p1 = await addPost({
      subheadingId: one.subheadings[0]!.id,
      authorId: ada.id,
      body: w,
      createdAt: at("2024-03-01"),
    });
    const p2 = await addPost({
      subheadingId: one.subheadings[1]!.id,
      authorId: bob.id,
      body: w,
      createdAt: at("2024-03-10"),
    });
    const p3 = await addPost({
      subheadingId: two.subheadings[0]!.id,
      authorId: ada.id,
      body: w,
      createdAt: at("2024-04-01"),
    });
    const undated = await addPost({ subheadingId: two.subheadings[0]!.id, body: w, createdAt: at("2024-03-05") });
    await db.post.update({ where: { id: undated.id }, data: { dateKnown: false } });
    const sorted = async (filters: Partial<SearchInput>) => (await ids(w, filters)).sort();

    expect(await sorted({})).toEqual([p1.id, p2.id, p3.id, undated.id].sort());
    expect(await sorted({ debate: one.slug })).toEqual([p1.id, p2.id].sort());
    expect(await sorted({ debate: one.slug, subheading: one.subheadings[1]!.slug })).toEqual([p2.id]);
    expect(await sorted({ authorId: ada.id })).toEqual([p1.id, p3.id].sort());
    expect(await sorted({ authorId: ada.id, debate: two.slug })).toEqual([p3.id]);
    expect(await sorted({ from: "2024-03-01", to: "2024-03-10" })).toEqual([p1.id, p2.id].sort());
    expect(await sorted({ from: "2024-03-02" })).toEqual([p2.id, p3.id].sort());
    expect(await sorted({ to: "2024-03-09" })).toEqual([p1.id]);
    // A subheading the debate does not have: the whole debate. A debate nobody has: nothing.
    expect(await sorted({ debate: one.slug, subheading: "no-such-part" })).toEqual([p1.id, p2.id].sort());
    const missing = await search(w, { debate: "no-such-debate" });
    expect(missing).toMatchObject({ results: [], scope: { missing: true } });
    // Dates that are not dates are ignored rather than refused.
    expect(await sorted({ from: "yesterday", to: "2024-02-30" })).toHaveLength(4);
  });

  it("answers every query with a page, never an error", async () => {
    const debate = await createDebate();
    const w = word();
    const post = await addPost({
      subheadingId: debate.subheadings[0]!.id,
      body: `Quotes "${w}" and (${w}) and ${w}-ish.`,
    });
    const nasty = [
      '"',
      '""',
      '"""',
      "-",
      "--",
      "- -",
      "NEAR(",
      "NEAR(a b",
      "*",
      "**",
      "a*",
      "AND OR NOT",
      "NOT",
      "OR",
      "(",
      ")",
      "((a)",
      "a)",
      "^",
      ":",
      "title:",
      "body:x",
      "{title body}: x",
      "'",
      "\\",
      "&|!<->",
      "a & b | !c",
      '\'; DROP TABLE "Post"; --',
      "😀",
      "😀😀 🙈",
      "\u0000\u0002\u0003",
      "\u202e",
      " ",
      "x".repeat(10_000),
      "word ".repeat(2_000),
      "a b c d e f g h i j k l m n o p",
      "-only -exclusions",
      `${w} -${w}`,
    ];
    for (const q of nasty) {
      const page = await search(q);
      expect(Array.isArray(page.results), JSON.stringify(q.slice(0, 40))).toBe(true);
    }
    for (const q of [`"${w}`, `${w})`, `(${w}`, `${w}*`, `-nothing ${w}`, `"${w}" AND`, `${w} 😀`]) {
      expect(await ids(q), q).toEqual([post.id]);
    }
    expect(await ids(`${w} -${w}`)).toEqual([]);
    // A term with punctuation in it is a phrase of its words: "near" is not in the post.
    expect(await ids(`NEAR(${w}`)).toEqual([]);
    expect((await search('"')).query).toBe("");
  });

  it("shows the post's text escaped, with only <mark> added, and never the post's own HTML", async () => {
    const debate = await createDebate();
    const w = word();
    await addPost({
      subheadingId: debate.subheadings[0]!.id,
      title: `<img src=x onerror=alert(1)> ${w}`,
      body: `Salt & pepper, **bold** and ${w}: <script>alert("${w}")</script> [a link](https://example.org)`,
    });
    const [result] = (await search(w)).results;
    expect(result!.titleHtml).toBe(`&lt;img src=x onerror=alert(1)&gt; <mark>${w}</mark>`);
    expect(result!.snippetHtml).not.toMatch(/<(?!\/?mark>)/);
    expect(result!.snippetHtml).toContain("&amp;");
    expect(result!.snippetHtml).toContain(`<mark>${w}</mark>`);
  });

  it("pages by keyset, 20 a page: every result once, in rank order", async () => {
    const debate = await createDebate();
    const w = word();
    const made = new Set<string>();
    for (let i = 0; i < 45; i++) {
      // Varying weight (the word repeated, or in the title), and many ties.
      const post = await addPost({
        subheadingId: debate.subheadings[i % 2]!.id,
        title: i % 7 === 0 ? `Title ${w}` : undefined,
        body: `${`${w} `.repeat(1 + (i % 3))} and padding ${"words ".repeat(i % 5)}`,
      });
      made.add(post.id);
    }
    const { ids: found, pages } = await allResults(w);
    expect(pages).toBe(3);
    expect(found).toHaveLength(45);
    expect(new Set(found)).toEqual(made);
    const first = await search(w);
    expect(first.results).toHaveLength(20);
    expect(first.results[0]!.titleHtml).toContain(`<mark>${w}</mark>`);
    // A cursor that is not one of ours starts again from the first page.
    expect((await search(w, { after: "not-a-cursor" })).results.map((r) => r.id)).toEqual(
      first.results.map((r) => r.id),
    );
  });

  it("finds every post made at once by many members, exactly", async () => {
    const debate = await createDebate();
    const w = word();
    // As many as the Markdown renderers accept at once (sixteen may wait for a worker).
    const members = await Promise.all(Array.from({ length: 16 }, () => createMember()));
    const posts = await Promise.all(
      members.map((actor, i) =>
        createPost({
          actor,
          subheadingId: debate.subheadings[i % 2]!.id,
          parentId: null,
          title: null,
          body: `Concurrent ${w} number ${i}.`,
        }),
      ),
    );
    const { ids: found } = await allResults(w);
    expect(found).toHaveLength(16);
    expect(new Set(found)).toEqual(new Set(posts.map((p) => p.id)));
    const bySubheading = await Promise.all(
      debate.subheadings.map(
        async (s) => (await allResults(w, { debate: debate.slug, subheading: s.slug })).ids.length,
      ),
    );
    expect(bySubheading).toEqual([8, 8]);
  });
});
