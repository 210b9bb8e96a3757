import { describe, expect, it } from "vitest";
import { addPost, createDebate, createUser } from "@/test/factories";
import { db } from "../db";
import {
  CONTRIBUTIONS_PER_SECTION,
  getDebatePage,
  HEADLINE_LENGTH,
  LONG_OPENING_POST,
  SECTIONS_ON_DEBATE_PAGE,
} from "./get-debate-page";
import { recordDebateView } from "./record-debate-view";

const at = (hour: number) => new Date(Date.UTC(2024, 0, 1, hour));

describe("getDebatePage", () => {
  it("lists every subheading in order, each with a few contributions: the most replied, then the newest", async () => {
    const debate = await createDebate({ subheadings: 3 });
    const [first, second] = debate.subheadings;
    const posts = [];
    for (let i = 0; i < CONTRIBUTIONS_PER_SECTION + 2; i++)
      posts.push(await addPost({ subheadingId: first!.id, createdAt: at(i), title: `Contribution ${i}` }));
    // The oldest gets two replies, the second oldest one: they lead; the rest follow newest first.
    for (let i = 0; i < 2; i++) await addPost({ subheadingId: first!.id, parentId: posts[0]!.id, createdAt: at(20) });
    await addPost({ subheadingId: first!.id, parentId: posts[1]!.id, createdAt: at(21) });
    const lone = await addPost({ subheadingId: second!.id });

    const page = (await getDebatePage(db, debate.slug))!;
    expect(page.outline.map((s) => s.slug)).toEqual(["part-1", "part-2", "part-3"]);
    expect(page.sections.map((s) => s.slug)).toEqual(["part-1", "part-2", "part-3"]);
    const [s1, s2, s3] = page.sections;
    expect(s1!.contributions.map((c) => c.id)).toEqual(
      [posts[0], posts[1], posts[6], posts[5], posts[4]].map((p) => p!.id),
    );
    expect(s1!.contributions.map((c) => c.replyCount)).toEqual([2, 1, 0, 0, 0]);
    expect(s1!.contributionCount).toBe(CONTRIBUTIONS_PER_SECTION + 2);
    expect(s1!.contributions[0]).toMatchObject({ headline: "Contribution 0", titled: true, pinned: false });
    // Replies are counted, never listed.
    expect(s1!.contributions).toHaveLength(CONTRIBUTIONS_PER_SECTION);
    expect(s2!.contributions.map((c) => c.id)).toEqual([lone.id]);
    expect(s3!.contributions).toEqual([]);
  });

  it("puts pinned contributions first and leaves hidden and deleted ones out", async () => {
    const debate = await createDebate({ subheadings: 1 });
    const subheading = debate.subheadings[0]!;
    const popular = await addPost({ subheadingId: subheading.id, createdAt: at(1) });
    await addPost({ subheadingId: subheading.id, parentId: popular.id });
    const pinned = await addPost({ subheadingId: subheading.id, createdAt: at(2) });
    const hidden = await addPost({ subheadingId: subheading.id, createdAt: at(3) });
    const deleted = await addPost({ subheadingId: subheading.id, createdAt: at(4) });
    const plain = await addPost({ subheadingId: subheading.id, createdAt: at(5) });
    await db.post.update({ where: { id: pinned.id }, data: { pinnedAt: new Date() } });
    await db.post.update({ where: { id: hidden.id }, data: { hiddenAt: new Date(), hiddenReason: "spam" } });
    await db.post.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });

    const [section] = (await getDebatePage(db, debate.slug))!.sections;
    expect(section!.contributions.map((c) => c.id)).toEqual([pinned.id, popular.id, plain.id]);
    expect(section!.contributions[0]!.pinned).toBe(true);
  });

  it("names an untitled contribution by the first words of its own text, as plain text, cut short", async () => {
    const debate = await createDebate({ subheadings: 1 });
    const subheading = debate.subheadings[0]!;
    const author = await createUser();
    const quoting = await addPost({
      subheadingId: subheading.id,
      authorId: author.id,
      createdAt: at(2),
      body: "> Someone else's words\n\nMy **own** answer & more.",
    });
    const long = await addPost({ subheadingId: subheading.id, createdAt: at(1), body: "word ".repeat(200) });

    const [section] = (await getDebatePage(db, debate.slug))!.sections;
    const [first, second] = section!.contributions;
    expect(first).toMatchObject({ id: quoting.id, headline: "My own answer & more.", titled: false });
    expect(first!.author).toMatchObject({ id: author.id, name: author.name });
    expect(second!.id).toBe(long.id);
    expect(second!.headline.length).toBeLessThanOrEqual(HEADLINE_LENGTH + 1);
    expect(second!.headline).toMatch(/^word word .*…$/);
  });

  it("gives sections to the first subheadings only; the outline names them all", async () => {
    const debate = await createDebate({ subheadings: SECTIONS_ON_DEBATE_PAGE + 2 });
    const last = debate.subheadings.at(-1)!;
    await addPost({ subheadingId: last.id });
    const page = (await getDebatePage(db, debate.slug))!;
    expect(page.outline).toHaveLength(SECTIONS_ON_DEBATE_PAGE + 2);
    expect(page.outline.at(-1)).toMatchObject({ id: last.id, contributionCount: 1 });
    expect(page.sections.map((s) => s.id)).toEqual(
      debate.subheadings.slice(0, SECTIONS_ON_DEBATE_PAGE).map((s) => s.id),
    );
  });

  it("says when the opening post is long enough to be clipped", async () => {
    const debate = await createDebate({ subheadings: 1 });
    expect((await getDebatePage(db, debate.slug))!.openingIsLong).toBe(false);
    const long = `<p>${"An opening word. ".repeat(LONG_OPENING_POST / 10)}</p>`;
    await db.debate.update({ where: { id: debate.id }, data: { bodyHtml: long } });
    const page = (await getDebatePage(db, debate.slug))!;
    expect(page.openingIsLong).toBe(true);
    expect(page.debate.bodyHtml).toBe(long); // clipped on screen, whole in the page
  });

  it("returns null for an unknown debate", async () => {
    expect(await getDebatePage(db, "no-such-debate")).toBeNull();
  });

  it("leaves archived subheadings out", async () => {
    const debate = await createDebate({ subheadings: 2 });
    await db.subheading.update({ where: { id: debate.subheadings[1]!.id }, data: { archivedAt: new Date() } });
    const page = (await getDebatePage(db, debate.slug))!;
    expect(page.outline.map((s) => s.slug)).toEqual(["part-1"]);
    expect(page.sections.map((s) => s.slug)).toEqual(["part-1"]);
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
