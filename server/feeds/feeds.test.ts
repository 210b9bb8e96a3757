import { describe, expect, it, vi } from "vitest";
import { GET as debateFeed } from "@/app/debates/[slug]/feed.atom/route";
import { GET as subheadingFeed } from "@/app/debates/[slug]/[subheading]/feed.atom/route";
import { GET as threadFeed } from "@/app/debates/[slug]/posts/[postId]/feed.atom/route";
import { readModel } from "@/server/cache/read-model";
import { db } from "@/server/db";
import { hidePost } from "@/server/moderation/posts";
import { createPost } from "@/server/posts/create-post";
import { parseAtom } from "@/test/atom";
import { addPost, createDebate, createMember, createUser } from "@/test/factories";

// The routes read through server/cache/reads.ts; outside Next, 'use cache' is a plain string and
// cacheTag/cacheLife do nothing, so every call reads the database. Whether a write reaches the
// cached feed is checked below through the reads' tags (and through the real cache in e2e/feeds.spec.ts).
vi.mock("next/cache", () => ({ cacheTag: vi.fn(), cacheLife: vi.fn() }));
vi.mock("next/headers", () => import("@/test/next-headers"));

const ORIGIN = "http://localhost:3000";
const get = (path: string, headers: Record<string, string> = {}) => new Request(`${ORIGIN}${path}`, { headers });

async function fetchDebateFeed(slug: string, headers?: Record<string, string>) {
  return debateFeed(get(`/debates/${slug}/feed.atom`, headers), { params: Promise.resolve({ slug }) });
}
async function fetchSubheadingFeed(slug: string, subheading: string) {
  return subheadingFeed(get(`/debates/${slug}/${subheading}/feed.atom`), {
    params: Promise.resolve({ slug, subheading }),
  });
}
async function fetchThreadFeed(slug: string, postId: string) {
  return threadFeed(get(`/debates/${slug}/posts/${postId}/feed.atom`), { params: Promise.resolve({ slug, postId }) });
}
async function atomOf(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
  return parseAtom(await response.text());
}
const permalink = (slug: string, postId: string) => `${ORIGIN}/debates/${slug}/posts/${postId}`;
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

describe("Atom feeds", () => {
  it("lists a debate's visible posts, newest first, each with its sanitized HTML, id, dates and author", async () => {
    const debate = await createDebate();
    const [a, b] = debate.subheadings;
    const ana = await createUser("Ana & <Bo>");
    const first = await addPost({
      subheadingId: a!.id,
      authorId: ana.id,
      title: 'Markets <b>& "states"',
      body: "A **bold** claim & a [link](https://example.org/?a=1&b=2) ]]> <script>alert(1)</script>",
      createdAt: minutesAgo(30),
    });
    const reply = await addPost({
      subheadingId: a!.id,
      parentId: first.id,
      body: "Unsigned reply.",
      createdAt: minutesAgo(20),
    });
    const other = await addPost({
      subheadingId: b!.id,
      authorId: ana.id,
      body: "Elsewhere.",
      createdAt: minutesAgo(10),
    });
    const hidden = await addPost({ subheadingId: b!.id, body: "Hidden words.", createdAt: minutesAgo(5) });
    await db.post.update({ where: { id: hidden.id }, data: { hiddenAt: new Date(), hiddenReason: "spam" } });
    const deleted = await addPost({ subheadingId: b!.id, body: "Deleted words.", createdAt: minutesAgo(4) });
    await db.post.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    const editedAt = minutesAgo(1);
    await db.post.update({ where: { id: first.id }, data: { editedAt } });

    const feed = await atomOf(await fetchDebateFeed(debate.slug));
    expect(feed.title).toBe(debate.title);
    expect(feed.id).toBe(`${ORIGIN}/debates/${debate.slug}/feed.atom`);
    expect(feed.links).toContainEqual({ rel: "self", href: feed.id, type: "application/atom+xml" });
    expect(feed.links).toContainEqual({
      rel: "alternate",
      href: `${ORIGIN}/debates/${debate.slug}`,
      type: "text/html",
    });
    expect(feed.entries.map((e) => e.id)).toEqual(
      [other.id, reply.id, first.id].map((id) => permalink(debate.slug, id)),
    );
    // The feed changed last when the first post was edited.
    expect(feed.updated).toBe(editedAt.toISOString());

    const rows = await db.post.findMany({ where: { id: { in: [first.id, reply.id, other.id] } } });
    for (const entry of feed.entries) {
      const row = rows.find((r) => permalink(debate.slug, r.id) === entry.id)!;
      expect(entry.contentType).toBe("html");
      expect(entry.content).toBe(row.bodyHtml);
      expect(entry.published).toBe(row.createdAt.toISOString());
      expect(entry.updated).toBe((row.editedAt ?? row.createdAt).toISOString());
      expect(entry.links).toContainEqual({ rel: "alternate", href: `${entry.id}#post-${row.id}`, type: "text/html" });
    }
    const [newest, middle, oldest] = feed.entries;
    expect(oldest!.title).toBe('Markets <b>& "states"');
    expect(oldest!.titleType).toBe("text");
    expect(oldest!.authors).toEqual([{ name: "Ana & <Bo>", uri: null }]);
    // What members wrote arrives sanitized: no script, the link marked as another site's.
    expect(oldest!.content).not.toContain("<script");
    expect(oldest!.content).toContain('rel="nofollow ugc noopener"');
    expect(middle!.authors).toEqual([{ name: "Unknown author", uri: null }]);
    expect(middle!.title).toBe("Reply by an unknown author under “Part 1”");
    expect(newest!.title).toBe(`Contribution by Ana & <Bo> under “Part 2”`);
  });

  it("keeps the newest 50, and a feed with no posts is still valid", async () => {
    const debate = await createDebate({ subheadings: 1 });
    const empty = await atomOf(await fetchDebateFeed(debate.slug));
    expect(empty.entries).toEqual([]);
    expect(empty.updated).toBe(debate.createdAt.toISOString());

    const ids: string[] = [];
    for (let i = 0; i < 55; i++) {
      ids.push((await addPost({ subheadingId: debate.subheadings[0]!.id, createdAt: minutesAgo(100 - i) })).id);
    }
    const feed = await atomOf(await fetchDebateFeed(debate.slug));
    expect(feed.entries.map((e) => e.id)).toEqual(
      ids
        .slice(5)
        .reverse()
        .map((id) => permalink(debate.slug, id)),
    );
  });

  it("gives an undated archive post no published date, and its stand-in date as updated", async () => {
    const debate = await createDebate({ subheadings: 1 });
    const standIn = new Date(Date.UTC(2011, 0, 1, 0, 1));
    const post = await write(debate.subheadings[0]!.id, standIn);
    const [entry] = (await atomOf(await fetchDebateFeed(debate.slug))).entries;
    expect(entry!.published).toBeNull();
    expect(entry!.updated).toBe(standIn.toISOString());
    expect(entry!.id).toBe(permalink(debate.slug, post.id));

    async function write(subheadingId: string, createdAt: Date) {
      const made = await addPost({ subheadingId, createdAt });
      await db.post.update({ where: { id: made.id }, data: { dateKnown: false } });
      return made;
    }
  });

  it("answers a subheading's feed with its posts only; an old slug redirects, an unknown one is 404", async () => {
    const debate = await createDebate();
    const [a, b] = debate.subheadings;
    const mine = await addPost({ subheadingId: a!.id });
    await addPost({ subheadingId: b!.id });
    const feed = await atomOf(await fetchSubheadingFeed(debate.slug, a!.slug));
    expect(feed.entries.map((e) => e.id)).toEqual([permalink(debate.slug, mine.id)]);
    expect(feed.title).toBe(`Part 1 · ${debate.title}`);
    expect(feed.links).toContainEqual({
      rel: "alternate",
      href: `${ORIGIN}/debates/${debate.slug}/part-1`,
      type: "text/html",
    });

    await db.subheadingRedirect.create({ data: { debateId: debate.id, subheadingId: a!.id, oldSlug: "old-name" } });
    const moved = await fetchSubheadingFeed(debate.slug, "old-name");
    expect(moved.status).toBe(308);
    expect(moved.headers.get("location")).toBe(`/debates/${debate.slug}/part-1/feed.atom`);

    expect((await fetchSubheadingFeed(debate.slug, "no-such-part")).status).toBe(404);
    expect((await fetchDebateFeed("no-such-debate")).status).toBe(404);
    await db.subheading.update({ where: { id: b!.id }, data: { archivedAt: new Date() } });
    expect((await fetchSubheadingFeed(debate.slug, b!.slug)).status).toBe(404);
  });

  it("answers a thread's feed with the contribution and all its replies; a reply's redirects to its thread's", async () => {
    const debate = await createDebate({ subheadings: 1 });
    const sub = debate.subheadings[0]!;
    const root = await addPost({ subheadingId: sub.id, title: "The thread", createdAt: minutesAgo(10) });
    const reply = await addPost({ subheadingId: sub.id, parentId: root.id, createdAt: minutesAgo(8) });
    const deep = await addPost({ subheadingId: sub.id, parentId: reply.id, createdAt: minutesAgo(6) });
    await addPost({ subheadingId: sub.id, createdAt: minutesAgo(4) }); // another thread

    const feed = await atomOf(await fetchThreadFeed(debate.slug, root.id));
    expect(feed.title).toBe(`The thread · ${debate.title}`);
    expect(feed.entries.map((e) => e.id)).toEqual([deep.id, reply.id, root.id].map((id) => permalink(debate.slug, id)));

    const fromReply = await fetchThreadFeed(debate.slug, deep.id);
    expect(fromReply.status).toBe(307);
    expect(fromReply.headers.get("location")).toBe(`/debates/${debate.slug}/posts/${root.id}/feed.atom`);
    expect((await fetchThreadFeed(debate.slug, "no-such-post")).status).toBe(404);
    expect((await fetchThreadFeed("another-debate", root.id)).status).toBe(404);
  });

  it("answers 304 to a reader that already has this version", async () => {
    const debate = await createDebate({ subheadings: 1 });
    await addPost({ subheadingId: debate.subheadings[0]!.id });
    const first = await fetchDebateFeed(debate.slug);
    const etag = first.headers.get("etag")!;
    expect((await fetchDebateFeed(debate.slug, { "if-none-match": etag })).status).toBe(304);
    await addPost({ subheadingId: debate.subheadings[0]!.id });
    expect((await fetchDebateFeed(debate.slug, { "if-none-match": etag })).status).toBe(200);
  });

  it("shows a new post at the next request and drops a hidden one: the writes touch the feeds' tags", async () => {
    const debate = await createDebate({ subheadings: 1 });
    const sub = debate.subheadings[0]!;
    const root = await addPost({ subheadingId: sub.id, createdAt: minutesAgo(5) });
    const reads = async () => ({
      debate: await load(readModel.debateFeed, debate.slug),
      subheading: await load(readModel.subheadingFeed, debate.slug, sub.slug),
      thread: await load(readModel.threadFeed, debate.slug, root.id),
    });
    const before = await reads();

    const member = await createMember();
    const created = await createPost({
      actor: member,
      subheadingId: sub.id,
      parentId: root.id,
      title: null,
      body: "Fresh words.",
    });
    for (const [name, read] of Object.entries(before)) {
      expect(
        created.tags.some((t) => read.tags.includes(t)),
        `${name} feed's tags`,
      ).toBe(true);
    }
    const afterPost = await reads();
    for (const read of Object.values(afterPost)) expect(read.ids).toContain(created.id);
    const feed = await atomOf(await fetchDebateFeed(debate.slug));
    expect(feed.entries[0]!.id).toBe(permalink(debate.slug, created.id));

    const moderator = await createMember();
    await db.user.update({ where: { id: moderator.id }, data: { role: "MODERATOR" } });
    const hidden = await hidePost({ actor: { ...moderator, role: "MODERATOR" }, postId: created.id, reason: "Spam" });
    for (const [name, read] of Object.entries(afterPost)) {
      expect(
        hidden.tags.some((t) => read.tags.includes(t)),
        `${name} feed's tags`,
      ).toBe(true);
    }
    for (const read of Object.values(await reads())) expect(read.ids).not.toContain(created.id);
    const text = await (await fetchDebateFeed(debate.slug)).text();
    expect(text).not.toContain("Fresh words");
  });
});

describe("the Atom checker (test/atom.ts)", () => {
  const feed = (entries: string, head = "<id>urn:x:feed</id><title>T</title><updated>2024-01-01T00:00:00Z</updated>") =>
    `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">${head}<link rel="self" href="https://x.test/f"/><author><name>S</name></author>${entries}</feed>`;
  const entry = (id: string, content = "&lt;p&gt;x&lt;/p&gt;", updated = "2024-01-01T00:00:00Z") =>
    `<entry><id>${id}</id><title>t</title><updated>${updated}</updated><content type="html">${content}</content></entry>`;

  it("accepts a minimal valid feed and rejects each broken rule", () => {
    expect(parseAtom(feed(entry("urn:x:1"))).entries[0]!.content).toBe("<p>x</p>");
    const broken = [
      feed(entry("urn:x:1", "<p>x</p>")), // unescaped markup in type="html"
      feed(entry("urn:x:1") + entry("urn:x:1")), // duplicate ids
      feed(entry("not-absolute")),
      feed(entry("urn:x:1", undefined, "2024-01-01 00:00")),
      feed(entry("urn:x:1"), "<title>T</title><updated>2024-01-01T00:00:00Z</updated>"), // no feed id
      feed(entry("urn:x:1", undefined, "2023-01-01T00:00:00Z") + entry("urn:x:2")), // oldest first
      feed(entry("urn:x:1")).replace("http://www.w3.org/2005/Atom", "http://example.org/not-atom"),
      feed(entry("urn:x:1")).replace('<link rel="self" href="https://x.test/f"/>', ""),
      feed(entry("urn:x:1")).replace("</feed>", ""),
    ];
    for (const xml of broken) expect(() => parseAtom(xml), xml).toThrow();
    expect(() => parseAtom(feed(entry("urn:x:1") + entry("urn:x:2")), { maxEntries: 1 })).toThrow(/more than 1/);
  });
});

async function load<A extends unknown[]>(
  read: { load: (tx: typeof db, ...args: A) => Promise<unknown>; tags: (result: never, ...args: A) => string[] },
  ...args: A
) {
  const result = await read.load(db, ...args);
  const entries = (result as { entries?: { id: string }[] } | null)?.entries ?? [];
  return { tags: read.tags(result as never, ...args), ids: entries.map((e) => e.id) };
}
