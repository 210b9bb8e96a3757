// The authorization matrix: every mutation (each Server Action export, each POST route) called
// by each kind of caller, against the expected allow/deny, from this site with a real session
// cookie. A denial must write nothing. A mutation missing from MATRIX fails the first test.
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionState } from "@/lib/action-state";
import { hashPassword } from "../auth/password";
import { db } from "../db";
import { insertPost } from "../posts/insert-post";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => {
    const jar = new Map(
      (request.headers.get("cookie") ?? "")
        .split(/;\s*/)
        .filter(Boolean)
        .map((c) => [c.slice(0, c.indexOf("=")), c.slice(c.indexOf("=") + 1)] as const),
    );
    return { get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined) };
  },
}));
vi.mock("next/cache", () => ({ updateTag: vi.fn(), revalidateTag: vi.fn(), cacheTag: vi.fn(), cacheLife: vi.fn() }));

type Caller = "anonymous" | "member" | "author" | "suspended" | "moderator" | "admin";
const CALLERS: Caller[] = ["anonymous", "member", "author", "suspended", "moderator", "admin"];
const SIGNED_IN: Caller[] = ["member", "author", "suspended", "moderator", "admin"];
const STAFF: Caller[] = ["moderator", "admin"];
const PASSWORD = "the caller's own password";

type World = Awaited<ReturnType<typeof makeWorld>>;
/** What each mutation is given (enough to succeed if allowed), and who may call it. */
const MATRIX: Record<string, { allow: Caller[]; form: (w: World) => Record<string, string | string[]> }> = {
  signUpAction: {
    allow: CALLERS,
    form: (w) => ({ name: "Newcomer", email: `new-${w.tag}@example.test`, password: "a long and unusual passphrase" }),
  },
  signOutEverywhereAction: { allow: SIGNED_IN, form: () => ({}) },
  changePasswordAction: {
    allow: SIGNED_IN,
    form: () => ({ currentPassword: PASSWORD, newPassword: "another long passphrase" }),
  },
  previewAction: { allow: SIGNED_IN, form: () => ({ body: "**hello**" }) },
  createPostAction: {
    allow: ["member", "author", "moderator", "admin"],
    form: (w) => ({ subheadingId: w.subheadingA, parentId: w.postId, body: "A reply." }),
  },
  editPostAction: {
    allow: ["author", "moderator", "admin"],
    form: (w) => ({ postId: w.postId, body: "Edited words." }),
  },
  getPostSourceAction: { allow: ["author", "moderator", "admin"], form: (w) => ({ postId: w.postId }) },
  deletePostAction: { allow: ["author"], form: (w) => ({ postId: w.postId }) },
  reportPostAction: {
    allow: ["member", "moderator", "admin"],
    form: (w) => ({ postId: w.postId, reason: "Off topic here." }),
  },
  hidePostAction: { allow: STAFF, form: (w) => ({ postId: w.postId, reason: "Abusive language" }) },
  restorePostAction: { allow: STAFF, form: (w) => ({ postId: w.hiddenPostId }) },
  getHiddenPostAction: { allow: STAFF, form: (w) => ({ postId: w.hiddenPostId }) },
  movePostAction: { allow: STAFF, form: (w) => ({ postId: w.postId, toSubheadingId: w.subheadingB }) },
  pinPostAction: { allow: STAFF, form: (w) => ({ postId: w.postId, pinned: "true" }) },
  setLockAction: { allow: STAFF, form: (w) => ({ subheadingId: w.subheadingA, locked: "true" }) },
  setSlowModeAction: { allow: STAFF, form: (w) => ({ debateId: w.debateId, seconds: "60" }) },
  dismissReportsAction: { allow: STAFF, form: (w) => ({ postId: w.reportedPostId }) },
  suspendUserAction: { allow: STAFF, form: (w) => ({ userId: w.targetId, hours: "24", reason: "Repeated insults" }) },
  banUserAction: { allow: STAFF, form: (w) => ({ userId: w.targetId, reason: "Spam account" }) },
  liftRestrictionsAction: { allow: STAFF, form: (w) => ({ userId: w.restrictedId }) },
  setRoleAction: { allow: ["admin"], form: (w) => ({ userId: w.targetId, role: "MODERATOR" }) },
  createDebateAction: {
    allow: STAFF,
    form: () => ({ title: "A new debate", body: "Opening.", subheading: ["One", "Two", "Three"] }),
  },
  addSubheadingAction: { allow: STAFF, form: (w) => ({ debateId: w.debateId, title: "Another part" }) },
  renameSubheadingAction: { allow: STAFF, form: (w) => ({ subheadingId: w.subheadingA, title: "A better name" }) },
  reorderSubheadingAction: { allow: STAFF, form: (w) => ({ subheadingId: w.subheadingB, direction: "up" }) },
  archiveSubheadingAction: { allow: STAFF, form: (w) => ({ subheadingId: w.subheadingB, archived: "true" }) },
  // Routes: counting a view is open to every reader.
  "POST /api/debates/[slug]/views": { allow: CALLERS, form: () => ({}) },
};

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;
const actionModules = import.meta.glob<Record<string, Action>>(["./*.ts", "!./*.test.ts"], { eager: true });
const actions = new Map<string, Action>();
for (const [file, exports] of Object.entries(actionModules)) {
  if (file.endsWith(".test.ts")) continue;
  for (const [name, fn] of Object.entries(exports)) actions.set(name, fn);
}
const routeModules = import.meta.glob<{
  POST?: (req: Request, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
}>("../../app/api/**/route.ts", { eager: true });
const routes = new Map<string, NonNullable<(typeof routeModules)[string]["POST"]>>();
for (const [file, exports] of Object.entries(routeModules)) {
  if (!exports.POST) continue;
  const route = file.replace("../../app", "").replace("/route.ts", "");
  // next-auth's own endpoints (sign-in, sign-out, callbacks) have their CSRF token and our
  // Origin check (route.test.ts); they are the authentication itself, not a mutation of ours.
  if (route.startsWith("/api/auth/")) continue;
  routes.set(`POST ${route}`, exports.POST);
}

let passwordHash = "";
let n = 0;
async function makeWorld() {
  const tag = `${Date.now().toString(36)}-${++n}`;
  const user = (name: string, extra: Record<string, unknown> = {}) =>
    db.user.create({
      data: {
        name: `${name} ${tag}`,
        email: `${name}-${tag}@example.test`,
        passwordHash,
        createdAt: new Date(Date.now() - 7 * 86400_000),
        ...extra,
      },
    });
  const people = {
    member: await user("member"),
    author: await user("author"),
    suspended: await user("suspended", { suspendedUntil: new Date(Date.now() + 86400_000), suspendReason: "testing" }),
    moderator: await user("moderator", { role: "MODERATOR" }),
    admin: await user("admin", { role: "ADMIN" }),
  };
  const target = await user("target");
  const restricted = await user("restricted", { bannedAt: new Date(), suspendReason: "spam" });
  const debate = await db.debate.create({
    data: {
      slug: `debate-${tag}`,
      title: "Matrix",
      body: "x",
      bodyHtml: "<p>x</p>",
      subheadings: {
        create: [
          { slug: "a", title: "A", position: 1 },
          { slug: "b", title: "B", position: 2 },
        ],
      },
    },
    include: { subheadings: { orderBy: { position: "asc" } } },
  });
  const [a, b] = debate.subheadings;
  const post = await db.$transaction((tx) =>
    insertPost(tx, { subheadingId: a!.id, authorId: people.author.id, body: "The author's post." }),
  );
  const hidden = await db.$transaction((tx) =>
    insertPost(tx, { subheadingId: a!.id, authorId: target.id, body: "Hidden." }),
  );
  await db.post.update({ where: { id: hidden.id }, data: { hiddenAt: new Date(), hiddenReason: "spam" } });
  const reported = await db.$transaction((tx) =>
    insertPost(tx, { subheadingId: b!.id, authorId: target.id, body: "Reported." }),
  );
  await db.report.create({ data: { postId: reported.id, reporterId: target.id, reason: "Rude" } });
  return {
    tag,
    people,
    debateId: debate.id,
    debateSlug: debate.slug,
    subheadingA: a!.id,
    subheadingB: b!.id,
    postId: post.id,
    hiddenPostId: hidden.id,
    reportedPostId: reported.id,
    targetId: target.id,
    restrictedId: restricted.id,
  };
}

async function callAs(caller: Caller, world: World) {
  const headers = new Headers({ host: "localhost:3000", origin: "http://localhost:3000" });
  if (caller !== "anonymous") {
    const u = world.people[caller];
    const token = await encode({ token: { uid: u.id, sv: 0, name: u.name }, secret: process.env.NEXTAUTH_SECRET! });
    headers.set("cookie", `next-auth.session-token=${token}`);
  }
  request.headers = headers;
  return headers;
}

async function snapshot() {
  const [users, debates, subheadings, posts, revisions, reports, log] = await Promise.all([
    db.user.findMany({ orderBy: { id: "asc" } }),
    db.debate.findMany({ orderBy: { id: "asc" } }),
    db.subheading.findMany({ orderBy: { id: "asc" } }),
    db.post.findMany({ orderBy: { id: "asc" } }),
    db.postRevision.count(),
    db.report.findMany({ orderBy: { id: "asc" } }),
    db.moderationAction.count(),
  ]);
  return { users, debates, subheadings, posts, revisions, reports, log };
}

describe("authorization matrix", () => {
  beforeAll(async () => {
    passwordHash = await hashPassword(PASSWORD);
  });

  it("covers every Server Action and POST route", () => {
    const mutations = [...actions.keys(), ...routes.keys()].sort();
    expect(mutations.length).toBeGreaterThan(20);
    expect(Object.keys(MATRIX).sort()).toEqual(mutations);
  });

  for (const [name, { allow, form }] of Object.entries(MATRIX)) {
    for (const caller of CALLERS) {
      const allowed = allow.includes(caller);
      it(`${name} × ${caller}: ${allowed ? "allowed" : "refused, nothing written"}`, async () => {
        const world = await makeWorld();
        const headers = await callAs(caller, world);
        const fields = form(world);
        const before = allowed ? null : await snapshot();
        let ok: boolean;
        if (name.startsWith("POST ")) {
          const post = routes.get(name)!;
          const response = await post(
            new Request(`http://localhost:3000/api/debates/${world.debateSlug}/views`, { method: "POST", headers }),
            {
              params: Promise.resolve({ slug: world.debateSlug }),
            },
          );
          ok = response.ok;
        } else {
          const data = new FormData();
          for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
          const result = await actions.get(name)!({ ok: false }, data);
          ok = result.ok;
        }
        expect(ok, `${name} as ${caller}`).toBe(allowed);
        if (before) expect(await snapshot()).toEqual(before);
      });
    }
  }
});
