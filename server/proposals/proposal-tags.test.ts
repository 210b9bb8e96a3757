// Tag coverage for proposals, as server/cache/tag-coverage.test.ts does it for every action: each
// proposal action, as every caller allowed to use it, and the scheduled close, against every cached
// read that shows proposals (the subheading's lists, the full list, each proposal's page, the debate
// page's decisions line, the public log). A read whose result changed while none of its tags was
// invalidated fails here.
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it, vi } from "vitest";
import { ACTIONS, callAs, loadActions, makeWorld, toFormData, type World } from "@/test/action-world";
import { db } from "../db";
import { readModel, type Read } from "../cache/read-model";
import { runCloseDue } from "./close-due";

vi.mock("next/headers", () => import("@/test/next-headers"));
vi.mock("next/cache", () => ({ cacheTag: vi.fn(), cacheLife: vi.fn() }));
const invalidated = vi.hoisted(() => ({ tags: [] as string[] }));
vi.mock("../cache/invalidate-tags", () => ({
  invalidateTags: async (tags: readonly string[]) => void invalidated.tags.push(...tags),
}));

const actions = loadActions();
const PROPOSAL_ACTIONS = ["createProposalAction", "castVoteAction", "closeProposalAction", "recordOutcomeAction"];

async function loadReads(world: World) {
  const loaded = new Map<string, { result: unknown; tags: string[] }>();
  async function add<A extends unknown[], R>(name: string, read: Read<A, R>, ...args: A) {
    const result = await read.load(db, ...args);
    loaded.set(`${name}(${JSON.stringify(args)})`, { result, tags: read.tags(result, ...args) });
  }
  await add("moderationLog", readModel.moderationLog, null);
  await add("debatePage", readModel.debatePage, world.debateSlug);
  const subheadings = await db.subheading.findMany({ where: { debateId: world.debateId } });
  for (const s of subheadings) {
    await add("subheadingProposals", readModel.subheadingProposals, s.id);
    await add("proposalList", readModel.proposalList, s.id, null);
  }
  const proposals = await db.proposal.findMany({ where: { debateId: world.debateId }, include: { subheading: true } });
  for (const p of proposals) await add("proposal", readModel.proposal, world.debateSlug, p.subheading.slug, p.id);
  return loaded;
}

async function stale(world: World, write: () => Promise<readonly string[]>) {
  const before = await loadReads(world);
  const tags = await write();
  const after = await loadReads(world);
  const changed: string[] = [];
  const missed: string[] = [];
  for (const [key, now] of after) {
    // A new proposal's page could not have been asked for before: its id is made when it is.
    const then = before.get(key);
    if (!then) continue;
    if (isDeepStrictEqual(then.result, now.result)) continue;
    changed.push(key);
    if (!then.tags.some((tag) => tags.includes(tag))) missed.push(`${key} [${then.tags.join(", ")}]`);
  }
  return { changed, missed };
}

describe("proposal writes invalidate every cached read they change", () => {
  for (const name of PROPOSAL_ACTIONS) {
    for (const caller of ACTIONS[name]!.allow) {
      it(`${name} as ${caller}`, async () => {
        const world = await makeWorld();
        const { changed, missed } = await stale(world, async () => {
          invalidated.tags = [];
          await callAs(caller, world);
          const result = await actions.get(name)!.run({ ok: false }, toFormData(ACTIONS[name]!.form(world)));
          expect(result.ok, `${name} as ${caller}: ${result.message}`).toBe(true);
          return invalidated.tags;
        });
        expect(changed.length, "the action changed nothing a read shows").toBeGreaterThan(0);
        expect(missed).toEqual([]);
      });
    }
  }

  it("the outcome reaches the debate page's decisions line", async () => {
    const world = await makeWorld();
    const { changed } = await stale(world, async () => {
      invalidated.tags = [];
      await callAs("author", world);
      await actions
        .get("recordOutcomeAction")!
        .run({ ok: false }, toFormData(ACTIONS.recordOutcomeAction!.form(world)));
      return invalidated.tags;
    });
    expect(changed).toEqual(
      expect.arrayContaining([expect.stringMatching(/^debatePage/), expect.stringMatching(/^proposal\(/)]),
    );
  });

  it("the scheduled close, outside any action", async () => {
    const world = await makeWorld();
    await db.proposal.update({ where: { id: world.openProposalId }, data: { closesAt: new Date(Date.now() - 1000) } });
    await runCloseDue(); // what other worlds left due, so that this run closes this world's alone
    await db.proposal.update({ where: { id: world.openProposalId }, data: { closedAt: null } });
    const { changed, missed } = await stale(world, async () => {
      const tags: string[] = [];
      expect(await runCloseDue(async (t) => void tags.push(...t))).toBe(1);
      return tags;
    });
    expect(changed.length).toBeGreaterThan(0);
    expect(missed).toEqual([]);
  });
});
