// Handles and profiles: a handle chosen at sign-up (or made from the name), never two alike even
// when two sign-ups race for one; the profile read (its pages, what it leaves out, archive
// authors); the account page's profile changes; and the compose form's people lookup.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "@/lib/client-address-header";
import { cacheTags } from "@/lib/cache-tags";
import { callAs, makeWorld, SITE, toFormData, type World } from "@/test/action-world";
import { setRequestHeaders } from "@/test/next-headers";
import { GET as peopleRoute } from "@/app/api/people/route";
import { signUpAction } from "../actions/account";
import { readModel } from "../cache/read-model";
import { db } from "../db";
import { importDebate } from "../import/import-debate";
import { insertPost } from "../posts/insert-post";
import { write } from "../write";
import { createUser } from "./create-user";
import { isHandleClash } from "./handle";
import { PROFILE_PAGE } from "./get-profile";
import { updateProfile } from "./update-profile";
import { loadSessionUser } from "../auth/session";

vi.mock("next/headers", () => import("@/test/next-headers"));
vi.mock("next/cache", () => ({ cacheTag: vi.fn(), cacheLife: vi.fn() }));
vi.mock("../cache/invalidate-tags", () => ({ invalidateTags: vi.fn(async () => {}) }));

let n = 0;
const tag = () => `${Date.now().toString(36)}${++n}`;
const PASSWORD = "a long and unusual passphrase";
let address = 0;

/** A sign-up from an address of its own (sign-ups are limited per address). */
function signUp(fields: Record<string, string>) {
  setRequestHeaders(
    new Headers({ host: "localhost:3000", origin: SITE, [CLIENT_ADDRESS_HEADER]: `198.51.100.${++address}` }),
  );
  return signUpAction({ ok: false }, toFormData(fields));
}
const handleOf = async (email: string) =>
  (await db.user.findUniqueOrThrow({ where: { email }, select: { handle: true } })).handle;

describe("sign-up with a handle", () => {
  it("keeps the handle typed, in its normal form", async () => {
    const t = tag();
    const email = `ada-${t}@example.test`;
    expect(await signUp({ name: `Ada ${t}`, handle: `@Ada_${t}`, email, password: PASSWORD })).toMatchObject({
      ok: true,
    });
    expect(await handleOf(email)).toBe(`ada_${t}`);
  });

  it("makes one from the display name when none is typed, and the next free one when it is taken", async () => {
    const t = tag();
    await db.user.create({ data: { name: `Someone else ${t}`, handle: `grace-hopper-${t}` } });
    const email = `grace-${t}@example.test`;
    expect(await signUp({ name: `Grace Hopper ${t}`, handle: "", email, password: PASSWORD })).toMatchObject({
      ok: true,
    });
    expect(await handleOf(email)).toBe(`grace-hopper-${t}-2`);
  });

  it("refuses a malformed or reserved handle next to its field, and creates nothing", async () => {
    for (const [handle, words] of [
      ["a b", /only lower-case/],
      ["ab", /at least 3/],
      ["admin", /reserved/],
      ["12345", /at least one letter/],
    ] as const) {
      const t = tag();
      const email = `bad-${t}@example.test`;
      const result = await signUp({ name: `Bad ${t}`, handle, email, password: PASSWORD });
      expect(result.ok).toBe(false);
      expect(result.fieldErrors?.handle?.[0]).toMatch(words);
      expect(await db.user.count({ where: { email } })).toBe(0);
    }
  });

  it("refuses a taken handle alike whether or not the email already has an account", async () => {
    const t = tag();
    const taken = `taken-${t}`;
    const owner = `owner-${t}@example.test`;
    expect(await signUp({ name: `Owner ${t}`, handle: taken, email: owner, password: PASSWORD })).toMatchObject({
      ok: true,
    });
    const fresh = await signUp({
      name: `Fresh ${t}`,
      handle: taken,
      email: `fresh-${t}@example.test`,
      password: PASSWORD,
    });
    const known = await signUp({ name: `Known ${t}`, handle: taken, email: owner, password: PASSWORD });
    expect(fresh).toEqual({
      ok: false,
      message: "That handle is taken. Choose another.",
      fieldErrors: { handle: ["That handle is taken. Choose another."] },
    });
    expect(known).toEqual(fresh);
    expect(await db.user.count({ where: { handle: taken } })).toBe(1);
  });

  it("an email that has an account with a free handle answers as a new account does, and changes nothing", async () => {
    const t = tag();
    const owner = `owner2-${t}@example.test`;
    await signUp({ name: `Owner Two ${t}`, handle: `first-${t}`, email: owner, password: PASSWORD });
    const again = await signUp({ name: `Other ${t}`, handle: `second-${t}`, email: owner, password: PASSWORD });
    expect(again).toMatchObject({ ok: true });
    expect(await handleOf(owner)).toBe(`first-${t}`);
    expect(await db.user.count({ where: { handle: `second-${t}` } })).toBe(0);
  });

  it("two sign-ups at once wanting one handle: one gets it, the other a field error, never a crash", async () => {
    const t = tag();
    const results = await Promise.allSettled(
      [1, 2].map((i) =>
        createUser({
          name: `Racer ${i} ${t}`,
          handle: `racer-${t}`,
          email: `racer${i}-${t}@example.test`,
          password: PASSWORD,
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "CONFLICT", field: "handle" });
    expect(await db.user.count({ where: { handle: `racer-${t}` } })).toBe(1);
  });

  it("two sign-ups at once whose names make one handle get two different ones", async () => {
    // Names in a script with no Latin letters both make "member…"; their look-alike keys differ.
    const t = tag();
    await db.user.create({ data: { name: `Placeholder ${t}`, handle: `chen-${t}` } });
    const users = await Promise.all(
      ["陳", "陈"].map((name, i) =>
        createUser({ name: `${name} chen-${t}`, email: `chen${i}-${t}@example.test`, password: PASSWORD }),
      ),
    );
    const handles = await Promise.all(users.map((u) => db.user.findUniqueOrThrow({ where: { id: u.id } })));
    expect(new Set(handles.map((u) => u.handle)).size).toBe(2);
    for (const u of handles) expect(u.handle).toMatch(new RegExp(`^chen-${t}-\\d$`));
  });

  it("the unique index's refusal of a handle is recognised as such (so it becomes a field error)", async () => {
    const t = tag();
    await db.user.create({ data: { name: `First ${t}`, handle: `unique-${t}`, email: `u1-${t}@example.test` } });
    const clash = await db.user
      .create({ data: { name: `Second ${t}`, handle: `unique-${t}` } })
      .catch((e: unknown) => e);
    expect(isHandleClash(clash)).toBe(true);
    const emailClash = await db.user
      .create({ data: { name: `Third ${t}`, handle: `other-${t}`, email: `u1-${t}@example.test` } })
      .catch((e: unknown) => e);
    expect(isHandleClash(emailClash)).toBe(false);
  });
});

async function placeFor(t: string) {
  const debate = await db.debate.create({
    data: {
      slug: `profile-${t}`,
      title: `Profile debate ${t}`,
      body: "x",
      bodyHtml: "<p>x</p>",
      subheadings: { create: [{ slug: "one", title: `Part one ${t}`, position: 1 }] },
    },
    include: { subheadings: true },
  });
  return { debate, subheadingId: debate.subheadings[0]!.id };
}

describe("a profile", () => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld();
  });

  it("lists contributions and replies newest first, 20 a page, without hidden or deleted ones", async () => {
    const t = tag();
    const { debate, subheadingId } = await placeFor(t);
    const member = await db.user.create({
      data: { name: `Poster ${t}`, handle: `poster-${t}`, email: `p-${t}@example.test` },
    });
    const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, i));
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) {
      const parentId = i % 2 === 1 ? ids[0] : undefined;
      const post = await write((w) =>
        insertPost(w, { subheadingId, authorId: member.id, body: `Post number ${i}`, parentId, createdAt: at(i) }),
      );
      ids.push(post.id);
    }
    await db.post.update({ where: { id: ids[24]! }, data: { hiddenAt: new Date(), hiddenReason: "spam" } });
    await db.post.update({ where: { id: ids[23]! }, data: { deletedAt: new Date() } });

    const first = (await readModel.profile.load(db, `poster-${t}`, null))!;
    expect(first.person).toMatchObject({
      name: `Poster ${t}`,
      handle: `poster-${t}`,
      imported: false,
      contributionCount: 12, // 0, 2, …, 22 (24 hidden)
      replyCount: 11, // 1, 3, …, 21 (23 deleted)
    });
    expect(first.posts).toHaveLength(PROFILE_PAGE);
    expect(first.posts[0]).toMatchObject({
      id: ids[22],
      excerpt: "Post number 22",
      isReply: false,
      debate: { slug: debate.slug, title: debate.title },
      subheading: { slug: "one", title: `Part one ${t}` },
    });
    expect(first.posts[1]).toMatchObject({ id: ids[21], isReply: true });
    expect(first.posts.map((p) => p.id)).not.toContain(ids[24]);
    expect(first.posts.map((p) => p.id)).not.toContain(ids[23]);
    expect(first.nextCursor).not.toBeNull();

    const second = (await readModel.profile.load(db, `poster-${t}`, first.nextCursor))!;
    expect(second.posts.map((p) => p.id)).toEqual([ids[2], ids[1], ids[0]]);
    expect(second.nextCursor).toBeNull();

    expect(readModel.profile.tags(first, `poster-${t}`, null)).toEqual(
      expect.arrayContaining([cacheTags.person(member.id), cacheTags.author(member.id), cacheTags.debate(debate.id)]),
    );
  });

  it("does not exist for an unknown or malformed handle, tagged so that a new handle reaches it", async () => {
    for (const handle of [`nobody-${tag()}`, "_", "Author", "a b"]) {
      const profile = await readModel.profile.load(db, handle, null);
      expect(profile, handle).toBeNull();
      expect(readModel.profile.tags(profile, handle, null)).toEqual([cacheTags.handles()]);
    }
  });

  it("an archive author gets a handle from the importer and a profile marked as from the archive", async () => {
    const t = tag();
    await importDebate(db, {
      debate: { slug: `archive-${t}`, title: "Archived", author: `Archivist ${t}`, body: "Opening" },
      sections: [{ slug: "s", title: "Section", position: 1 }],
      posts: [{ id: "p1", author: `Old Voice ${t}`, section: "s", parent: null, body: "From the old days" }],
    });
    const author = await db.user.findFirstOrThrow({ where: { name: `Old Voice ${t}` } });
    expect(author.handle).toBe(`old-voice-${t}`);
    const profile = (await readModel.profile.load(db, author.handle!, null))!;
    expect(profile.person.imported).toBe(true);
    expect(profile.posts.map((p) => p.excerpt)).toEqual(["From the old days"]);
  });

  it("shows the author's handle wherever their posts are read", async () => {
    const context = await readModel.postContext.load(db, world.debateSlug, world.postId);
    expect(context!.thread.author).toMatchObject({ handle: `author-${world.tag}` });
  });
});

describe("changing one's profile", () => {
  const actorOf = async (id: string) => {
    const row = await db.user.findUniqueOrThrow({ where: { id } });
    return (await loadSessionUser(id, "none")) ?? { ...row, sessionId: undefined };
  };

  it("renders the bio through the sanitizing pipeline, renames, and changes the handle", async () => {
    const world = await makeWorld();
    const actor = await actorOf(world.people.member.id);
    const result = await updateProfile({
      actor,
      name: `Renamed ${world.tag}`,
      handle: `new-${world.tag}`,
      bio: "I *argue*. <script>alert(1)</script> [x](javascript:alert(1))",
    });
    expect(result.tags).toEqual(
      expect.arrayContaining([cacheTags.author(actor.id), cacheTags.person(actor.id), cacheTags.handles()]),
    );
    const row = await db.user.findUniqueOrThrow({ where: { id: actor.id } });
    expect(row).toMatchObject({ name: `Renamed ${world.tag}`, handle: `new-${world.tag}` });
    expect(row.bioHtml).toContain("<em>argue</em>");
    expect(row.bioHtml).not.toMatch(/<script|javascript:/);
    expect(await readModel.profile.load(db, `member-${world.tag}`, null)).toBeNull();
    const profile = (await readModel.profile.load(db, `new-${world.tag}`, null))!;
    expect(profile.person.bioHtml).toBe(row.bioHtml);
  });

  it("refuses someone else's handle or a look-alike of their name, and changes nothing", async () => {
    const world = await makeWorld();
    const actor = await actorOf(world.people.member.id);
    const t = tag();
    await createUser({ name: `Lookalike ${t}`, email: `look-${t}@example.test`, password: PASSWORD });
    const before = await db.user.findUniqueOrThrow({ where: { id: actor.id } });
    await expect(
      updateProfile({ actor, name: before.name, handle: `author-${world.tag}`, bio: "" }),
    ).rejects.toMatchObject({ code: "CONFLICT", field: "handle" });
    await expect(
      updateProfile({ actor, name: `LOOKAL1KE ${t}`, handle: before.handle!, bio: "new bio" }),
    ).rejects.toMatchObject({ code: "CONFLICT", field: "name" });
    expect(await db.user.findUniqueOrThrow({ where: { id: actor.id } })).toEqual(before);
  });
});

describe("GET /api/people", () => {
  const get = (prefix: string) => peopleRoute(new Request(`${SITE}/api/people?prefix=${encodeURIComponent(prefix)}`));

  it("is refused to anonymous visitors", async () => {
    const world = await makeWorld();
    await callAs("anonymous", world);
    expect((await get("auth")).status).toBe(401);
  });

  it("answers at most 8 members by handle prefix or display name, never an email", async () => {
    const world = await makeWorld();
    const t = tag();
    for (let i = 0; i < 11; i++) {
      await db.user.create({
        data: { name: `Crowd ${t} ${i}`, handle: `crowd-${t}-${i}`, email: `crowd${i}-${t}@example.test` },
      });
    }
    await db.user.create({ data: { name: `Zoë ${t}`, handle: `zed-${t}`, email: `zoe-${t}@example.test` } });
    await callAs("member", world);
    const response = await get(`@Crowd-${t}`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toMatch(/@example\.test|email/);
    const { people } = JSON.parse(text) as { people: { handle: string; name: string }[] };
    expect(people).toHaveLength(8);
    for (const p of people) expect(p.handle).toMatch(new RegExp(`^crowd-${t}-`));
    // By display name when the handle does not match it.
    const byName = (await (await get(`Zoë ${t}`)).json()) as { people: { handle: string }[] };
    expect(byName.people.map((p) => p.handle)).toEqual([`zed-${t}`]);
  });

  it("refuses an empty or overlong prefix", async () => {
    const world = await makeWorld();
    await callAs("member", world);
    expect((await get("")).status).toBe(400);
    expect((await get("@")).status).toBe(400);
    expect((await get("x".repeat(61))).status).toBe(400);
  });
});
