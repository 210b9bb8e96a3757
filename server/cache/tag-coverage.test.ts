// Tag coverage: for every Server Action, as every caller allowed to use it, load every cached read
// of the world it acts on before and after, find the reads whose result changed, and check that
// the write invalidated at least one tag of what those reads had cached. A write that forgets a
// tag (or a read that does not carry the tag of something it shows) fails here, naming the read.
// Writes made outside an action (the user:role command, a sign-in that grants admin) are checked
// the same way, against the tags they record or invalidate.
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it, vi } from "vitest";
import { ACTIONS, callAs, loadActions, makeWorld, PASSWORD, toFormData, type World } from "@/test/action-world";
import { db } from "../db";
import type { SearchInput } from "../search/search-posts";
import { readModel, type Read } from "./read-model";

vi.mock("next/headers", () => import("@/test/next-headers"));
vi.mock("next/cache", () => ({ cacheTag: vi.fn(), cacheLife: vi.fn() }));
const invalidated = vi.hoisted(() => ({ tags: [] as string[] }));
vi.mock("./invalidate-tags", () => ({
  invalidateTags: async (tags: readonly string[]) => void invalidated.tags.push(...tags),
}));

const actions = loadActions();

type Loaded = { name: string; result: unknown; tags: string[] };

/** Every cached read of the given debates (and the global ones), keyed by what a page would ask. */
async function loadReads(debateIds: string[], handles: string[] = []): Promise<Map<string, Loaded>> {
  const loaded = new Map<string, Loaded>();
  async function add<A extends unknown[], R>(name: string, read: Read<A, R>, ...args: A) {
    const result = await read.load(db, ...args);
    loaded.set(`${name}(${JSON.stringify(args)})`, { name, result, tags: read.tags(result, ...args) });
  }
  await add("debateList", readModel.debateList);
  await add("moderationLog", readModel.moderationLog, null);
  // Search, site-wide, for words of the world's posts and of the actions' forms (see below per debate).
  for (const q of SEARCH_WORDS) await add("search", readModel.search, searchInput({ q }));
  for (const handle of handles) await add("profile", readModel.profile, handle, null);
  const debates = await db.debate.findMany({
    where: { id: { in: debateIds } },
    select: {
      id: true,
      slug: true,
      subheadings: { select: { id: true, slug: true } },
      posts: { select: { id: true } },
    },
  });
  const redirects = await db.subheadingRedirect.findMany({
    where: { debateId: { in: debateIds } },
    select: { debateId: true, oldSlug: true },
  });
  for (const debate of debates) {
    await add("debatePage", readModel.debatePage, debate.slug);
    await add("debateFeed", readModel.debateFeed, debate.slug);
    await add("synthesis", readModel.synthesis, debate.slug, null);
    await add("synthesisVersions", readModel.synthesisVersions, debate.slug, null, null);
    await add("synthesisExcerpts", readModel.synthesisExcerpts, debate.id);
    for (const p of await db.synthesisProposal.findMany({
      where: { synthesis: { debateId: debate.id } },
      select: { id: true, synthesis: { select: { subheading: { select: { slug: true } } } } },
    })) {
      await add(
        "synthesisProposal",
        readModel.synthesisProposal,
        debate.slug,
        p.synthesis.subheading?.slug ?? null,
        p.id,
      );
    }
    for (const q of SEARCH_WORDS) await add("search", readModel.search, searchInput({ q, debate: debate.slug }));
    for (const s of debate.subheadings) {
      for (const q of SEARCH_WORDS) {
        await add("search", readModel.search, searchInput({ q, debate: debate.slug, subheading: s.slug }));
      }
      await add("subheading", readModel.subheading, debate.slug, s.slug);
      for (const sort of ["oldest", "newest", "replies"] as const) {
        await add("contributions", readModel.contributions, s.id, sort, null);
      }
      await add("movesFrom", readModel.movesFrom, s.id);
      await add("synthesis", readModel.synthesis, debate.slug, s.slug);
      await add("synthesisVersions", readModel.synthesisVersions, debate.slug, s.slug, null);
      await add("whereWeStand", readModel.whereWeStand, s.id);
      // The type the world's retype gives (test/action-world.ts); every type reads alike.
      await add("typedReplies", readModel.typedReplies, s.id, "challenges", "newest", null);
      await add("subheadingFeed", readModel.subheadingFeed, debate.slug, s.slug);
    }
    for (const p of debate.posts) {
      await add("postContext", readModel.postContext, debate.slug, p.id);
      await add("revisions", readModel.revisions, debate.slug, p.id);
      await add("threadFeed", readModel.threadFeed, debate.slug, p.id);
      await add("replyChunk", readModel.replyChunk, p.id, null, 1);
    }
    for (const r of redirects.filter((r) => r.debateId === debate.id)) {
      await add("renamedSubheading", readModel.renamedSubheading, debate.slug, r.oldSlug);
    }
  }
  return loaded;
}

/** The profiles of a world's people (test/action-world.ts), and those its actions can make exist. */
const worldHandles = (world: World) =>
  [...Object.keys(world.people), "target", "restricted", "renamed", "newcomer"].map((who) => `${who}-${world.tag}`);

/** Words of the world's posts ("The author's post.", "Hidden.", "Reported.") and of the forms ("A reply.", "Edited words."). */
const SEARCH_WORDS = ["author", "reply", "hidden", "reported", "edited"];
const searchInput = (input: Partial<SearchInput> & { q: string }): SearchInput => ({
  debate: null,
  subheading: null,
  authorId: null,
  from: null,
  to: null,
  after: null,
  ...input,
});

const debateIds = async () => (await db.debate.findMany({ select: { id: true } })).map((d) => d.id);

/** The reads whose result the action changed and none of whose cached tags it invalidated. */
async function staleAfter(name: string, caller: (typeof ACTIONS)[string]["allow"][number], world: World) {
  return staleAfterWrite(world, async () => {
    invalidated.tags = [];
    await callAs(caller, world);
    const result = await actions.get(name)!.run({ ok: false }, toFormData(ACTIONS[name]!.form(world)));
    expect(result.ok, `${name} as ${caller}: ${result.message}`).toBe(true);
    return invalidated.tags;
  });
}

/** The reads whose result `write` changed and none of whose cached tags the tags it returns invalidate. */
async function staleAfterWrite(world: World, write: () => Promise<readonly string[]>) {
  const existing = new Set(await debateIds());
  const before = await loadReads([world.debateId], worldHandles(world));
  const tags = await write();
  const created = (await debateIds()).filter((id) => !existing.has(id));
  const after = await loadReads([world.debateId, ...created], worldHandles(world));

  const stale: string[] = [];
  for (const [key, now] of after) {
    // A read that did not exist before showed "not found" (null), tagged as such; reads of
    // brand-new ids (contributions of a new subheading) could not have been asked for.
    const then =
      before.get(key) ??
      (now.name === "contributions" ||
      now.name === "movesFrom" ||
      now.name === "whereWeStand" ||
      now.name === "typedReplies" ||
      // A new proposal's id could not have been asked for (its place's tags cover a guess).
      now.name === "synthesisProposal"
        ? now
        : { ...now, result: null, tags: missingTags(now) });
    if (isDeepStrictEqual(then.result, now.result)) continue;
    if (!then.tags.some((tag) => tags.includes(tag))) stale.push(`${key} [${then.tags.join(", ")}]`);
  }
  return {
    stale,
    changed: [...after.keys()].filter((k) => !isDeepStrictEqual(before.get(k)?.result, after.get(k)!.result)),
  };
}

function missingTags(loaded: Loaded): string[] {
  const read = readModel[loaded.name as keyof typeof readModel] as Read<unknown[], unknown>;
  return read.tags(null);
}

describe("every write invalidates every cached read it changes", () => {
  for (const [name, { allow }] of Object.entries(ACTIONS)) {
    for (const caller of allow) {
      it(`${name} as ${caller}`, async () => {
        const world = await makeWorld();
        const { stale } = await staleAfter(name, caller, world);
        expect(stale, `${name} as ${caller} left these cached reads stale`).toEqual([]);
      });
    }
  }

  it("notices a changed read (the check is not vacuous)", async () => {
    const world = await makeWorld();
    const { changed } = await staleAfter("editPostAction", "moderator", world);
    expect(changed).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^moderationLog/),
        expect.stringMatching(/^postContext/),
        expect.stringMatching(/^contributions/),
      ]),
    );
  });

  it("notices a new reply in the replies loaded on demand and in every order of contributions", async () => {
    const world = await makeWorld();
    const { changed } = await staleAfter("createPostAction", "member", world);
    expect(changed).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^replyChunk/),
        expect.stringMatching(/^contributions\(.*"oldest"/),
        expect.stringMatching(/^contributions\(.*"replies"/),
      ]),
    );
  });

  it("notices what a write changes in the debate page's lines (the overview is covered)", async () => {
    for (const name of ["hidePostAction", "editPostAction", "createPostAction"] as const) {
      const world = await makeWorld();
      const caller = ACTIONS[name]!.allow.includes("moderator") ? "moderator" : "member";
      const { changed } = await staleAfter(name, caller, world);
      expect(changed, name).toEqual(expect.arrayContaining([expect.stringMatching(/^debatePage/)]));
    }
  });

  it("notices what a write changes in search results (the check covers them)", async () => {
    for (const [name, read] of [
      [
        "editPostAction",
        /^search\(\[\{"debate":null,"subheading":null,"authorId":null,"from":null,"to":null,"after":null,"q":"edited"/,
      ],
      ["hidePostAction", /^search\(.*"q":"author"/],
      ["movePostAction", /^search\(.*"subheading":"b".*"q":"author"/],
    ] as const) {
      const world = await makeWorld();
      const { changed } = await staleAfter(name, "moderator", world);
      expect(changed, name).toEqual(expect.arrayContaining([expect.stringMatching(read)]));
    }
  });

  it("notices a member's profile change with their posts, a hidden post and a new handle", async () => {
    const profile = (who: string, world: World) => `profile(${JSON.stringify([`${who}-${world.tag}`, null])})`;
    let world = await makeWorld();
    expect((await staleAfter("createPostAction", "member", world)).changed).toContain(profile("member", world));
    world = await makeWorld();
    expect((await staleAfter("hidePostAction", "moderator", world)).changed).toContain(profile("author", world));
    world = await makeWorld();
    expect((await staleAfter("updateProfileAction", "author", world)).changed).toEqual(
      expect.arrayContaining([
        profile("author", world),
        profile("renamed", world),
        expect.stringMatching(/^postContext/),
      ]),
    );
  });

  it("notices a role change on the posts of that member (their staff badge)", async () => {
    const world = await makeWorld();
    const { changed } = await staleAfter("setRoleAction", "admin", world);
    expect(changed).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^debatePage/),
        expect.stringMatching(/^contributions/),
        expect.stringMatching(/^postContext/),
        expect.stringMatching(/^revisions/),
      ]),
    );
  });
});

describe("writes made outside a Server Action invalidate every cached read they change too", () => {
  it("`npm run user:role`, through the database's log of outside invalidations", async () => {
    const world = await makeWorld();
    const { email } = await db.user.findUniqueOrThrow({ where: { id: world.targetId }, select: { email: true } });
    const { setRoleByEmail } = await import("../moderation/set-role-by-email");
    const { stale, changed } = await staleAfterWrite(world, async () => {
      const last = await db.cacheInvalidation.aggregate({ _max: { id: true } });
      await setRoleByEmail(db, email!, "MODERATOR");
      const recorded = await db.cacheInvalidation.findMany({ where: { id: { gt: last._max.id ?? 0 } } });
      return recorded.map((r) => r.tag);
    });
    expect(changed).toEqual(expect.arrayContaining([expect.stringMatching(/^contributions/)]));
    expect(stale, "user:role left these cached reads stale").toEqual([]);
  });

  it("signing in with an address of ADMIN_EMAILS, which makes that member an admin", async () => {
    const world = await makeWorld();
    const { email } = await db.user.findUniqueOrThrow({ where: { id: world.targetId }, select: { email: true } });
    const { authenticate } = await import("../users/authenticate");
    process.env.ADMIN_EMAILS = email!;
    try {
      const { stale, changed } = await staleAfterWrite(world, async () => {
        invalidated.tags = [];
        await authenticate({ email: email!, password: PASSWORD, ip: "192.0.2.1" });
        return invalidated.tags;
      });
      expect(changed).toEqual(expect.arrayContaining([expect.stringMatching(/^contributions/)]));
      expect(stale, "signing in as admin left these cached reads stale").toEqual([]);
    } finally {
      delete process.env.ADMIN_EMAILS;
    }
  });
});
