// Every registered Server Action, called the way a browser (or an attacker) would: it must refuse
// a cross-site or Origin-less call, and an anonymous or revoked one unless it is open to anyone,
// and write nothing when it refuses. Which roles may use each is authorization-matrix.test.ts.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ACTIONS, callAs, loadActions, makeWorld, toFormData } from "@/test/action-world";
import { db } from "../db";
import { registeredActions } from "../http/action";

vi.mock("next/headers", () => import("@/test/next-headers"));
vi.mock("next/cache", () => ({ cacheTag: vi.fn(), cacheLife: vi.fn() }));
const invalidateTags = vi.hoisted(() => vi.fn(async (_tags: readonly string[]) => {}));
vi.mock("../cache/invalidate-tags", () => ({ invalidateTags }));

const actions = [...loadActions()].map(([name, action]) => ({ name, ...action }));

async function snapshot() {
  const [users, sessions, posts, revisions, reports, log] = await Promise.all([
    db.user.findMany({ select: { id: true, passwordHash: true }, orderBy: { id: "asc" } }),
    db.userSession.findMany({ select: { id: true }, orderBy: { id: "asc" } }),
    db.post.findMany({ orderBy: { id: "asc" } }),
    db.postRevision.count(),
    db.report.count(),
    db.moderationAction.count(),
  ]);
  return { users, sessions, posts, revisions, reports, log };
}

describe("Server Actions", () => {
  beforeEach(() => invalidateTags.mockClear());

  it("all go through the action guard: every export is a registered action, and every one is exported", async () => {
    const modules = import.meta.glob<Record<string, unknown>>(["./*.ts", "!./*.test.ts"], { eager: true });
    const exported = Object.values(modules).flatMap((exports) => Object.keys(exports));
    expect(actions.map((a) => a.name).sort()).toEqual(exported.sort());
    expect(registeredActions()).toHaveLength(exported.length);
  });

  for (const { name, access, run } of actions) {
    it(`${name} refuses a call from another site, or with no Origin, and writes nothing`, async () => {
      const world = await makeWorld();
      for (const origin of ["https://evil.example", null]) {
        await callAs("admin", world, origin);
        const before = await snapshot();
        const result = await run({ ok: false }, toFormData(ACTIONS[name]!.form(world)));
        expect(result.ok, `${name} from ${origin}`).toBe(false);
        expect(result.message).toMatch(/did not come from this site/);
        expect(await snapshot()).toEqual(before);
      }
      expect(invalidateTags).not.toHaveBeenCalled();
    });

    if (access === "signed-in") {
      it(`${name} refuses an anonymous call and writes nothing`, async () => {
        const world = await makeWorld();
        await callAs("anonymous", world);
        const before = await snapshot();
        const result = await run({ ok: false }, toFormData(ACTIONS[name]!.form(world)));
        expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/sign in/i) });
        expect(await snapshot()).toEqual(before);
      });

      it(`${name} refuses a session that was signed out everywhere`, async () => {
        const world = await makeWorld();
        await callAs("admin", world);
        await db.userSession.deleteMany({ where: { userId: world.people.admin.id } });
        const result = await run({ ok: false }, toFormData(ACTIONS[name]!.form(world)));
        expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/sign in/i) });
      });
    }
  }

  it("let a signed-in member post from this site, and invalidate what shows the post, after it is saved", async () => {
    const world = await makeWorld();
    await callAs("member", world);
    const { createPostAction } = await import("./posts");
    let savedWhenInvalidated = false;
    invalidateTags.mockImplementationOnce(async () => {
      savedWhenInvalidated =
        (await db.post.count({ where: { parentId: world.postId, authorId: world.people.member.id } })) === 1;
    });
    const result = await createPostAction(
      { ok: false },
      toFormData({ subheadingId: world.subheadingA, parentId: world.postId, body: "A reply." }),
    );
    expect(result).toMatchObject({ ok: true, redirectTo: expect.stringContaining("/posts/") });
    const post = await db.post.findUniqueOrThrow({ where: { id: result.id } });
    expect(post).toMatchObject({ parentId: world.postId, authorId: world.people.member.id });
    expect(invalidateTags).toHaveBeenCalledOnce();
    expect(invalidateTags.mock.calls[0]![0]).toEqual(
      expect.arrayContaining([`thread:${world.postId}`, `subheading:${world.subheadingA}`]),
    );
    expect(savedWhenInvalidated).toBe(true);
  });

  it("return field errors for invalid input, keep nothing and invalidate nothing", async () => {
    const world = await makeWorld();
    await callAs("member", world);
    const { createPostAction } = await import("./posts");
    const before = await snapshot();
    const result = await createPostAction(
      { ok: false },
      toFormData({ subheadingId: world.subheadingA, body: "   ", title: "t".repeat(201) }),
    );
    expect(result.ok).toBe(false);
    expect(result.fieldErrors?.body).toEqual(["Write something first."]);
    expect(result.fieldErrors?.title).toEqual(["Keep the title to 200 characters."]);
    expect(await snapshot()).toEqual(before);
    expect(invalidateTags).not.toHaveBeenCalled();
  });

  it("let a member change their password, which ends their other sessions and keeps this one", async () => {
    const world = await makeWorld();
    await callAs("member", world); // another browser
    await callAs("member", world);
    const { changePasswordAction } = await import("./account");
    const form = toFormData(ACTIONS.changePasswordAction!.form(world));
    expect(await changePasswordAction({ ok: false }, form)).toMatchObject({ ok: true });
    expect(await db.userSession.count({ where: { userId: world.people.member.id } })).toBe(1);
    // Still signed in, in the same session: a wrong password is a field error, not "sign in".
    form.set("currentPassword", "wrong");
    expect(await changePasswordAction({ ok: false }, form)).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: ["That is not your current password."] },
    });
  });

  it("let anyone sign up from this site; the form then signs in with what was typed", async () => {
    const world = await makeWorld();
    await callAs("anonymous", world);
    const { signUpAction } = await import("./account");
    const form = ACTIONS.signUpAction!.form(world);
    const result = await signUpAction({ ok: false }, toFormData(form));
    expect(result).toEqual({ ok: true, message: "Account created." });
    expect(await db.user.findUnique({ where: { email: form.email as string } })).toMatchObject({ name: form.name });
  });
});
