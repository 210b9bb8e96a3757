// The authorization matrix: every Server Action (the list the action guard registers) and every
// route handler that needs a session, called by each kind of caller from this site with a real
// session cookie, against the expected allow/deny. A denial must write nothing. A mutation or
// route missing from the matrix fails the first test.
import type * as NextServer from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  ACTIONS,
  CALLERS,
  callAs,
  loadActions,
  makeWorld,
  toFormData,
  type Caller,
  type World,
} from "@/test/action-world";
import { db } from "../db";
import { registeredActions } from "../http/action";

vi.mock("next/headers", () => import("@/test/next-headers"));
vi.mock("next/cache", () => ({ cacheTag: vi.fn(), cacheLife: vi.fn() }));
// Outside Next there is no request scope for `connection()` to mark dynamic (GET /api/live calls it).
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof NextServer>()),
  connection: async () => {},
}));

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
/** Route handlers that need a caller: who may use each, and the request that succeeds when they do. */
const ROUTES: Record<
  string,
  { allow: Caller[]; call: (w: World, headers: Headers, handler: Handler) => Promise<Response> }
> = {
  "POST /api/debates/[slug]/views": {
    allow: CALLERS,
    call: (w, headers, handler) =>
      handler(new Request(`http://localhost:3000/api/debates/${w.debateSlug}/views`, { method: "POST", headers }), {
        params: Promise.resolve({ slug: w.debateSlug }),
      }),
  },
  "POST /api/preview": {
    allow: ["member", "author", "suspended", "moderator", "admin"],
    call: (_w, headers, handler) => {
      headers.set("content-type", "application/json");
      const body = JSON.stringify({ body: "**hello**" });
      return handler(new Request("http://localhost:3000/api/preview", { method: "POST", headers, body }), {
        params: Promise.resolve({}),
      });
    },
  },
  "GET /api/posts/[postId]/source": {
    allow: ["author", "moderator", "admin"],
    call: (w, headers, handler) =>
      handler(new Request(`http://localhost:3000/api/posts/${w.postId}/source`, { headers }), {
        params: Promise.resolve({ postId: w.postId }),
      }),
  },
  "GET /api/me/unread": {
    allow: ["member", "author", "suspended", "moderator", "admin"],
    call: (w, headers, handler) =>
      handler(new Request(`http://localhost:3000/api/me/unread?debate=${w.debateId}`, { headers }), {
        params: Promise.resolve({}),
      }),
  },
  "POST /api/me/read": {
    allow: ["member", "author", "suspended", "moderator", "admin"],
    call: (w, headers, handler) => {
      headers.set("content-type", "application/json");
      const body = JSON.stringify({ subheadingId: w.subheadingA, upTo: new Date().toISOString() });
      return handler(new Request("http://localhost:3000/api/me/read", { method: "POST", headers, body }), {
        params: Promise.resolve({}),
      });
    },
  },
  "GET /api/me/notifications/count": {
    allow: ["member", "author", "suspended", "moderator", "admin"],
    call: (_w, headers, handler) =>
      handler(new Request("http://localhost:3000/api/me/notifications/count", { headers }), {
        params: Promise.resolve({}),
      }),
  },
  "GET /api/me/follows": {
    allow: ["member", "author", "suspended", "moderator", "admin"],
    call: (w, headers, handler) =>
      handler(new Request(`http://localhost:3000/api/me/follows?targets=debate:${w.debateId}`, { headers }), {
        params: Promise.resolve({}),
      }),
  },
  "GET /api/me/reported": {
    allow: ["member", "author", "suspended", "moderator", "admin"],
    call: (w, headers, handler) =>
      handler(new Request(`http://localhost:3000/api/me/reported?posts=${w.postId}`, { headers }), {
        params: Promise.resolve({}),
      }),
  },
  "GET /api/me/marks": {
    allow: ["member", "author", "suspended", "moderator", "admin"],
    call: (w, headers, handler) =>
      handler(new Request(`http://localhost:3000/api/me/marks?posts=${w.postId}`, { headers }), {
        params: Promise.resolve({}),
      }),
  },
  "GET /api/posts/[postId]/marks": {
    allow: ["moderator", "admin"],
    call: (w, headers, handler) =>
      handler(new Request(`http://localhost:3000/api/posts/${w.postId}/marks`, { headers }), {
        params: Promise.resolve({ postId: w.postId }),
      }),
  },
  "GET /api/me/proposal-votes": {
    allow: ["member", "author", "suspended", "moderator", "admin"],
    call: (w, headers, handler) =>
      handler(new Request(`http://localhost:3000/api/me/proposal-votes?proposal=${w.openProposalId}`, { headers }), {
        params: Promise.resolve({}),
      }),
  },
  "GET /api/me/post-sort": {
    allow: ["member", "author", "suspended", "moderator", "admin"],
    call: (_w, headers, handler) =>
      handler(new Request("http://localhost:3000/api/me/post-sort", { headers }), { params: Promise.resolve({}) }),
  },
  "POST /api/me/post-sort": {
    allow: ["member", "author", "suspended", "moderator", "admin"],
    call: (_w, headers, handler) => {
      headers.set("content-type", "application/json");
      const body = JSON.stringify({ sort: "newest" });
      return handler(new Request("http://localhost:3000/api/me/post-sort", { method: "POST", headers, body }), {
        params: Promise.resolve({}),
      });
    },
  },
  "GET /api/me/reading-mode": {
    allow: ["member", "author", "suspended", "moderator", "admin"],
    call: (_w, headers, handler) =>
      handler(new Request("http://localhost:3000/api/me/reading-mode", { headers }), { params: Promise.resolve({}) }),
  },
  "POST /api/me/reading-mode": {
    allow: ["member", "author", "suspended", "moderator", "admin"],
    call: (_w, headers, handler) => {
      headers.set("content-type", "application/json");
      const body = JSON.stringify({ mode: "flat" });
      return handler(new Request("http://localhost:3000/api/me/reading-mode", { method: "POST", headers, body }), {
        params: Promise.resolve({}),
      });
    },
  },
  "GET /api/people": {
    allow: ["member", "author", "suspended", "moderator", "admin"],
    call: (w, headers, handler) =>
      handler(
        new Request(`http://localhost:3000/api/people?prefix=${encodeURIComponent(`author-${w.tag}`)}`, { headers }),
        {
          params: Promise.resolve({}),
        },
      ),
  },
  // Open to every caller (public topics); the one private topic, the caller's own, comes from the session.
  "GET /api/live": {
    allow: CALLERS,
    call: async (w, headers, handler) => {
      const response = await handler(
        new Request(`http://localhost:3000/api/live?topics=debate:${w.debateId}`, { headers }),
        { params: Promise.resolve({}) },
      );
      await response.body?.cancel();
      return response;
    },
  },
  "GET /api/posts/[postId]/hidden": {
    allow: ["moderator", "admin"],
    call: (w, headers, handler) =>
      handler(new Request(`http://localhost:3000/api/posts/${w.hiddenPostId}/hidden`, { headers }), {
        params: Promise.resolve({ postId: w.hiddenPostId }),
      }),
  },
};

// Every route module, and the handlers in it that are not public reads of no one's data.
const routeModules = import.meta.glob<Partial<Record<"GET" | "POST", Handler>>>("../../app/api/**/route.ts", {
  eager: true,
});
const routes = new Map<string, Handler>();
for (const [file, exports] of Object.entries(routeModules)) {
  const route = file.replace("../../app", "").replace("/route.ts", "");
  // next-auth's own endpoints are the authentication itself (route.test.ts checks their Origin);
  // the health checks are open by design and change nothing a user owns.
  if (route.startsWith("/api/auth/") || route.startsWith("/api/health")) continue;
  for (const method of ["GET", "POST"] as const) if (exports[method]) routes.set(`${method} ${route}`, exports[method]);
}

const actions = loadActions();

async function snapshot() {
  const [users, debates, subheadings, posts, revisions, reports, log, follows, notifications, readMarks, postMarks] =
    await Promise.all([
      db.user.findMany({ orderBy: { id: "asc" } }),
      db.debate.findMany({ orderBy: { id: "asc" } }),
      db.subheading.findMany({ orderBy: { id: "asc" } }),
      db.post.findMany({ orderBy: { id: "asc" } }),
      db.postRevision.count(),
      db.report.findMany({ orderBy: { id: "asc" } }),
      db.moderationAction.count(),
      db.follow.findMany({ orderBy: { id: "asc" } }),
      db.notification.findMany({ orderBy: { id: "asc" } }),
      db.readMark.findMany({ orderBy: [{ userId: "asc" }, { subheadingId: "asc" }] }),
      db.postMark.findMany({ orderBy: [{ postId: "asc" }, { userId: "asc" }] }),
    ]);
  // Proposals and their votes (server/proposals/): a refused action changes neither.
  const [proposals, proposalVotes] = await Promise.all([
    db.proposal.findMany({ orderBy: { id: "asc" } }),
    db.proposalVote.findMany({ orderBy: [{ proposalId: "asc" }, { userId: "asc" }] }),
  ]);
  // Syntheses, their versions and proposed edits (server/synthesis/): a refused action changes none.
  const [syntheses, synthesisVersions, synthesisProposals] = await Promise.all([
    db.synthesis.findMany({ orderBy: { id: "asc" } }),
    db.synthesisVersion.findMany({ orderBy: { id: "asc" } }),
    db.synthesisProposal.findMany({ orderBy: { id: "asc" } }),
  ]);
  return {
    syntheses,
    synthesisVersions,
    synthesisProposals,
    users,
    debates,
    subheadings,
    posts,
    revisions,
    reports,
    log,
    follows,
    notifications,
    readMarks,
    postMarks,
    proposals,
    proposalVotes,
  };
}

describe("authorization matrix", () => {
  beforeAll(async () => {
    await makeWorld(); // hashes the shared password once
  });

  it("covers every registered Server Action and every route that needs a caller", () => {
    expect(actions.size).toBe(registeredActions().length);
    expect([...actions.keys()].sort()).toEqual(Object.keys(ACTIONS).sort());
    expect([...routes.keys()].sort()).toEqual(Object.keys(ROUTES).sort());
  });

  for (const [name, { allow, form }] of Object.entries(ACTIONS)) {
    for (const caller of CALLERS) {
      const allowed = allow.includes(caller);
      it(`${name} × ${caller}: ${allowed ? "allowed" : "refused, nothing written"}`, async () => {
        const world = await makeWorld();
        await callAs(caller, world);
        const before = allowed ? null : await snapshot();
        const result = await actions.get(name)!.run({ ok: false }, toFormData(form(world)));
        expect(result.ok, `${name} as ${caller}: ${result.message}`).toBe(allowed);
        if (before) expect(await snapshot()).toEqual(before);
      });
    }
  }

  for (const [name, { allow, call }] of Object.entries(ROUTES)) {
    for (const caller of CALLERS) {
      const allowed = allow.includes(caller);
      it(`${name} × ${caller}: ${allowed ? "allowed" : "refused, nothing written"}`, async () => {
        const world = await makeWorld();
        const headers = await callAs(caller, world);
        const before = allowed ? null : await snapshot();
        const response = await call(world, headers, routes.get(name)!);
        expect(response.ok, `${name} as ${caller}`).toBe(allowed);
        if (!allowed) expect(response.status).toBeGreaterThanOrEqual(400);
        if (!allowed) expect(response.status).toBeLessThan(500);
        if (before) expect(await snapshot()).toEqual(before);
      });
    }
  }
});
