// Every exported Server Action, called the way a browser (or an attacker) would: it must refuse
// a cross-site or Origin-less call, and an anonymous one unless it is meant for anonymous users,
// and write nothing when it refuses. A new action is picked up by the glob below; one that is in
// neither list fails the test until someone decides what it should allow.
import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ActionState } from "@/lib/action-state";
import { createDebate, createMember } from "@/test/factories";
import { db } from "../db";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => {
    const jar = new Map<string, string>();
    for (const part of (request.headers.get("cookie") ?? "").split(/;\s*/)) {
      const [name, ...value] = part.split("=");
      if (name) jar.set(name, value.join("="));
    }
    return { get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined) };
  },
}));
const updateTag = vi.hoisted(() => vi.fn());
vi.mock("next/cache", () => ({ updateTag, revalidateTag: vi.fn(), cacheTag: vi.fn(), cacheLife: vi.fn() }));

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;
const modules = import.meta.glob<Record<string, Action>>(["./*.ts", "!./*.test.ts"], { eager: true });
const actions = Object.entries(modules)
  .filter(([path]) => !path.endsWith(".test.ts"))
  .flatMap(([path, exports]) =>
    Object.entries(exports).map(([name, fn]) => ({ name: `${path}#${name}`, short: name, fn })),
  );

/** Anyone may call these (they still refuse other sites). */
const ANONYMOUS_ALLOWED = ["signUpAction"];
/** Everything else needs a signed-in caller; which roles may use each is authorization-matrix.test.ts. */
const SIGNED_IN_ONLY = [
  "createPostAction",
  "editPostAction",
  "deletePostAction",
  "getPostSourceAction",
  "previewAction",
  "signOutEverywhereAction",
  "changePasswordAction",
  "reportPostAction",
  "hidePostAction",
  "restorePostAction",
  "getHiddenPostAction",
  "movePostAction",
  "pinPostAction",
  "setLockAction",
  "setSlowModeAction",
  "dismissReportsAction",
  "suspendUserAction",
  "banUserAction",
  "liftRestrictionsAction",
  "setRoleAction",
  "createDebateAction",
  "addSubheadingAction",
  "renameSubheadingAction",
  "reorderSubheadingAction",
  "archiveSubheadingAction",
];

const SITE = "http://localhost:3000";
async function as({ origin, userId }: { origin: string | null; userId?: string }) {
  const headers = new Headers({ host: "localhost:3000" });
  if (origin) headers.set("origin", origin);
  if (userId) {
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    const token = await encode({
      token: { uid: user.id, sv: user.sessionVersion, name: user.name },
      secret: process.env.NEXTAUTH_SECRET!,
    });
    headers.set("cookie", `next-auth.session-token=${token}`);
  }
  request.headers = headers;
}

async function world() {
  const debate = await createDebate();
  const member = await createMember({ password: "the member's password" });
  const post = await db.post.create({
    data: {
      debateId: debate.id,
      subheadingId: debate.subheadings[0]!.id,
      authorId: member.id,
      body: "Mine.",
      bodyHtml: "<p>Mine.</p>",
    },
  });
  // Filled so that each action would succeed if it let the call through.
  const form = new FormData();
  for (const [k, v] of Object.entries({
    subheadingId: debate.subheadings[0]!.id,
    postId: post.id,
    body: "Changed words.",
    title: "",
    name: "New Person",
    email: `new-${Date.now()}-${Math.random()}@example.test`,
    password: "a long and unusual passphrase",
    currentPassword: "the member's password",
    newPassword: "a brand new passphrase",
  }))
    form.set(k, v);
  return { member, post, form };
}

async function snapshot() {
  const [users, posts, revisions, versions] = await Promise.all([
    db.user.findMany({ select: { id: true, passwordHash: true }, orderBy: { id: "asc" } }),
    db.post.findMany({ select: { id: true, body: true, deletedAt: true }, orderBy: { id: "asc" } }),
    db.postRevision.count(),
    db.user.findMany({ select: { sessionVersion: true }, orderBy: { id: "asc" } }),
  ]);
  return { users, posts, revisions, versions };
}

describe("Server Actions", () => {
  beforeEach(() => updateTag.mockClear());

  it("are all accounted for", () => {
    expect(actions.length).toBeGreaterThan(0);
    for (const { name, short } of actions) expect([...ANONYMOUS_ALLOWED, ...SIGNED_IN_ONLY], name).toContain(short);
  });

  for (const { name, short, fn } of actions) {
    it(`${name} refuses a call from another site, or with no Origin, and writes nothing`, async () => {
      const { member, form } = await world();
      for (const origin of ["https://evil.example", null]) {
        await as({ origin, userId: member.id });
        const before = await snapshot();
        const result = await fn({ ok: false }, form);
        expect(result.ok, `${short} from ${origin}`).toBe(false);
        expect(result.message).toMatch(/did not come from this site/);
        expect(await snapshot()).toEqual(before);
      }
      expect(updateTag).not.toHaveBeenCalled();
    });

    if (SIGNED_IN_ONLY.includes(short)) {
      it(`${name} refuses an anonymous call and writes nothing`, async () => {
        const { form } = await world();
        await as({ origin: SITE });
        const before = await snapshot();
        const result = await fn({ ok: false }, form);
        expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/sign in/i) });
        expect(await snapshot()).toEqual(before);
      });

      it(`${name} refuses a session that was signed out everywhere`, async () => {
        const { member, form } = await world();
        await as({ origin: SITE, userId: member.id });
        await db.user.update({ where: { id: member.id }, data: { sessionVersion: { increment: 1 } } });
        const result = await fn({ ok: false }, form);
        expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/sign in/i) });
      });
    }
  }

  it("let a signed-in member post from this site, and invalidate what shows the post", async () => {
    const { member, form, post } = await world();
    await as({ origin: SITE, userId: member.id });
    form.set("parentId", post.id);
    const { createPostAction } = await import("./posts");
    const result = await createPostAction({ ok: false }, form);
    expect(result).toMatchObject({ ok: true, redirectTo: expect.stringContaining("/posts/") });
    expect(await db.post.findUniqueOrThrow({ where: { id: result.id } })).toMatchObject({
      parentId: post.id,
      authorId: member.id,
    });
    expect(updateTag).toHaveBeenCalledWith(`thread:${post.id}`);
    expect(updateTag).toHaveBeenCalledWith(`subheading:${post.subheadingId}`);
  });

  it("return field errors for invalid input, and keep nothing", async () => {
    const { member, form } = await world();
    await as({ origin: SITE, userId: member.id });
    form.set("body", "   ");
    form.set("title", "t".repeat(201));
    const { createPostAction } = await import("./posts");
    const before = await snapshot();
    const result = await createPostAction({ ok: false }, form);
    expect(result.ok).toBe(false);
    expect(result.fieldErrors?.body).toEqual(["Write something first."]);
    expect(result.fieldErrors?.title).toEqual(["Keep the title to 200 characters."]);
    expect(await snapshot()).toEqual(before);
  });

  it("let a member change their password, which ends their other sessions", async () => {
    const { member, form } = await world();
    await as({ origin: SITE, userId: member.id });
    const { changePasswordAction } = await import("./account");
    expect(await changePasswordAction({ ok: false }, form)).toMatchObject({
      ok: true,
      data: { email: expect.stringContaining("@") },
    });
    const row = await db.user.findUniqueOrThrow({ where: { id: member.id } });
    expect(row.sessionVersion).toBe(1);
    form.set("currentPassword", "wrong");
    await as({ origin: SITE, userId: member.id });
    expect(await changePasswordAction({ ok: false }, form)).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: ["That is not your current password."] },
    });
  });

  it("let anyone sign up from this site", async () => {
    const { form } = await world();
    await as({ origin: SITE });
    const { signUpAction } = await import("./account");
    expect(await signUpAction({ ok: false }, form)).toMatchObject({ ok: true });
  });
});
