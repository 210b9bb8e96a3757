import { describe, expect, it } from "vitest";
import { cacheTags } from "@/lib/cache-tags";
import { createProposalSchema } from "@/lib/schemas/proposals";
import { createDebate, createMember } from "@/test/factories";
import { db } from "../db";
import { AppError, RetryLater } from "../errors";
import { listModerationLog } from "../moderation/list-log";
import { castVote } from "./cast-vote";
import { closeDueProposals, runCloseDue } from "./close-due";
import { closeProposal } from "./close-proposal";
import { createProposal } from "./create-proposal";
import { getProposal } from "./get-proposal";
import { getDebateDecisions, getSubheadingProposals } from "./list-proposals";
import { getMyVote } from "./my-vote";
import { recordOutcome } from "./record-outcome";

const HOUR = 3600_000;
const moderator = () =>
  createMember().then(async (m) => {
    await db.user.update({ where: { id: m.id }, data: { role: "MODERATOR" } });
    return { ...m, role: "MODERATOR" as const };
  });

async function world() {
  const debate = await createDebate();
  const sub = debate.subheadings[0]!;
  const opener = await createMember();
  const { id } = await createProposal({
    actor: opener,
    subheadingId: sub.id,
    statement: "We adopt the commons licence for every shared text.",
    closesAt: new Date(Date.now() + 2 * HOUR),
  });
  return { debate, sub, opener, proposalId: id };
}

const counts = (id: string) =>
  db.proposal.findUniqueOrThrow({
    where: { id },
    select: { agreeCount: true, abstainCount: true, disagreeCount: true, blockCount: true },
  });
/** Makes a proposal's time pass without the scheduled step running. */
const expire = (id: string, ago = 1000) =>
  db.proposal.update({ where: { id }, data: { closesAt: new Date(Date.now() - ago) } });
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof AppError ? error : Promise.reject(error)),
  );

describe("proposals", () => {
  it("a member opens one; the schema bounds the statement and the closing time", async () => {
    const { sub, proposalId } = await world();
    const row = await db.proposal.findUniqueOrThrow({ where: { id: proposalId } });
    expect(row.subheadingId).toBe(sub.id);
    expect(row.closedAt).toBeNull();
    const soon = createProposalSchema.safeParse({
      subheadingId: sub.id,
      statement: "A statement long enough.",
      closesAt: new Date(Date.now() + 10 * 60_000).toISOString(),
    });
    expect(soon.success).toBe(false);
    expect(soon.error?.issues[0]).toMatchObject({ path: ["closesAt"], message: /at least an hour/ });
    const late = createProposalSchema.safeParse({
      subheadingId: sub.id,
      statement: "A statement long enough.",
      closesAt: new Date(Date.now() + 91 * 86400_000).toISOString(),
    });
    expect(late.error?.issues[0]).toMatchObject({ path: ["closesAt"], message: /90 days/ });
    const long = createProposalSchema.safeParse({
      subheadingId: sub.id,
      statement: "x".repeat(1001),
      closesAt: new Date(Date.now() + 2 * HOUR).toISOString(),
    });
    expect(long.error?.issues[0]).toMatchObject({ path: ["statement"] });
  });

  it("refuses a restricted member, a locked or archived subheading, and a sixth proposal in a day", async () => {
    const { sub, debate } = await world();
    const input = { statement: "Another proposal here.", closesAt: new Date(Date.now() + 2 * HOUR) };
    const banned = await createMember({ bannedAt: new Date() });
    expect((await refusal(createProposal({ actor: banned, subheadingId: sub.id, ...input })))?.message).toMatch(
      /banned/,
    );
    const member = await createMember();
    await db.subheading.update({ where: { id: sub.id }, data: { locked: true } });
    expect((await refusal(createProposal({ actor: member, subheadingId: sub.id, ...input })))?.message).toMatch(
      /locked/,
    );
    const other = debate.subheadings[1]!;
    await db.subheading.update({ where: { id: other.id }, data: { archivedAt: new Date() } });
    expect((await refusal(createProposal({ actor: member, subheadingId: other.id, ...input })))?.message).toMatch(
      /archived/,
    );
    await db.subheading.update({ where: { id: other.id }, data: { archivedAt: null } });
    for (let i = 0; i < 5; i++) await createProposal({ actor: member, subheadingId: other.id, ...input });
    const sixth = await refusal(createProposal({ actor: member, subheadingId: other.id, ...input }));
    expect(sixth).toBeInstanceOf(RetryLater);
    expect(await db.proposal.count({ where: { authorId: member.id } })).toBe(5);
  });

  it("one vote per member, changeable while open; the counts move with it", async () => {
    const { proposalId } = await world();
    const [ann, bob] = [await createMember(), await createMember()];
    const first = await castVote({ actor: ann, proposalId, value: "agree", reason: null });
    expect(first.tags).toEqual([expect.stringMatching(/^proposals:/)]);
    await castVote({ actor: bob, proposalId, value: "block", reason: "It takes away the archive." });
    expect(await counts(proposalId)).toEqual({ agreeCount: 1, abstainCount: 0, disagreeCount: 0, blockCount: 1 });
    await castVote({ actor: ann, proposalId, value: "disagree", reason: "Changed my mind." });
    await castVote({ actor: ann, proposalId, value: "disagree", reason: "Still no." });
    expect(await counts(proposalId)).toEqual({ agreeCount: 0, abstainCount: 0, disagreeCount: 1, blockCount: 1 });
    expect(await db.proposalVote.count({ where: { proposalId } })).toBe(2);
    expect(await getMyVote(ann.id, proposalId)).toEqual({ value: "disagree", reason: "Still no." });
    const banned = await createMember({ bannedAt: new Date() });
    expect((await refusal(castVote({ actor: banned, proposalId, value: "agree", reason: null })))?.message).toMatch(
      /banned/,
    );
  });

  it("refuses a vote after closedAt, and after closesAt before the scheduled step ran; nothing changes", async () => {
    const { proposalId } = await world();
    const ann = await createMember();
    await castVote({ actor: ann, proposalId, value: "agree", reason: null });
    await expire(proposalId);
    const late = await refusal(castVote({ actor: ann, proposalId, value: "block", reason: null }));
    expect(late?.message).toMatch(/has closed/);
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).closedAt).toBeNull();
    const bob = await createMember();
    expect(await refusal(castVote({ actor: bob, proposalId, value: "agree", reason: null }))).not.toBeNull();
    expect(await counts(proposalId)).toEqual({ agreeCount: 1, abstainCount: 0, disagreeCount: 0, blockCount: 0 });
    expect(await getMyVote(ann.id, proposalId)).toEqual({ value: "agree", reason: null });

    const other = await world();
    await closeProposal({ actor: await moderator(), proposalId: other.proposalId });
    const afterClose = await refusal(
      castVote({ actor: ann, proposalId: other.proposalId, value: "agree", reason: null }),
    );
    expect(afterClose?.message).toMatch(/has closed/);
    expect(await db.proposalVote.count({ where: { proposalId: other.proposalId } })).toBe(0);
  });

  it("the scheduled close sets closedAt = closesAt once, whether run twice or at once, and invalidates once", async () => {
    await closeDueProposals(); // what earlier tests left past their time
    const due = await world();
    const dueToo = await world();
    const later = await world();
    await expire(due.proposalId, 5000);
    await expire(dueToo.proposalId, 1000);
    const { closesAt } = await db.proposal.findUniqueOrThrow({ where: { id: due.proposalId } });
    const invalidated: string[] = [];
    const invalidate = async (tags: readonly string[]) => void invalidated.push(...tags);

    const [a, b] = await Promise.all([runCloseDue(invalidate), runCloseDue(invalidate)]);
    expect(a + b).toBe(2);
    expect(await runCloseDue(invalidate)).toBe(0);
    expect(await closeDueProposals()).toEqual([]);
    const row = await db.proposal.findUniqueOrThrow({ where: { id: due.proposalId } });
    expect(row.closedAt?.getTime()).toBe(closesAt.getTime());
    expect(row.closedById).toBeNull();
    expect((await db.proposal.findUniqueOrThrow({ where: { id: later.proposalId } })).closedAt).toBeNull();
    expect(invalidated.sort()).toEqual([cacheTags.proposals(due.sub.id), cacheTags.proposals(dueToo.sub.id)].sort());
    // The reads treat it as closed either way.
    const page = await getSubheadingProposals(db, due.sub.id);
    expect(page.open).toEqual([]);
    expect(page.closed.map((p) => p.id)).toEqual([due.proposalId]);
  });

  it("reads treat a proposal past closesAt as closed before the scheduled step runs", async () => {
    const { proposalId, sub, debate } = await world();
    expect((await getSubheadingProposals(db, sub.id)).open.map((p) => p.id)).toEqual([proposalId]);
    await expire(proposalId);
    const listed = await getSubheadingProposals(db, sub.id);
    expect(listed.open).toEqual([]);
    expect(listed.closed[0]).toMatchObject({ id: proposalId, closed: true });
    const page = await getProposal(db, debate.slug, sub.slug, proposalId);
    expect(page && "proposal" in page && page.proposal.closed).toBe(true);
  });

  it("a moderator closes early (logged); members cannot; a closed one cannot be closed again", async () => {
    const { proposalId } = await world();
    const member = await createMember();
    expect(await refusal(closeProposal({ actor: member, proposalId }))).not.toBeNull();
    const mod = await moderator();
    const closed = await closeProposal({ actor: mod, proposalId, reason: "Settled in the thread." });
    expect(closed.tags).toEqual(expect.arrayContaining([expect.stringMatching(/^proposals:/), "moderation-log"]));
    const row = await db.proposal.findUniqueOrThrow({ where: { id: proposalId } });
    expect(row.closedById).toBe(mod.id);
    expect(row.closedAt).not.toBeNull();
    expect((await refusal(closeProposal({ actor: mod, proposalId })))?.message).toMatch(/already closed/);
    const log = await listModerationLog(db, null);
    expect(log.entries[0]).toMatchObject({ action: "close_proposal", reason: "Settled in the thread." });
  });

  it("the outcome: only after close, only by the opener or a moderator; logged; shown in the decisions", async () => {
    const { proposalId, opener, sub, debate } = await world();
    const outcome = "Adopted: the licence applies from next month.";
    const early = await refusal(recordOutcome({ actor: opener, proposalId, outcome }));
    expect(early?.message).toMatch(/once the proposal has closed/);
    await expire(proposalId);
    const member = await createMember();
    expect((await refusal(recordOutcome({ actor: member, proposalId, outcome })))?.message).toMatch(/Only the member/);
    const recorded = await recordOutcome({ actor: opener, proposalId, outcome });
    expect(recorded.tags).toEqual(
      expect.arrayContaining([cacheTags.proposals(sub.id), cacheTags.debatePosts(debate.id), "moderation-log"]),
    );
    const row = await db.proposal.findUniqueOrThrow({ where: { id: proposalId } });
    expect(row).toMatchObject({ outcome, outcomeById: opener.id, closedAt: row.closesAt });
    await recordOutcome({ actor: await moderator(), proposalId, outcome: "Adopted, with a review in a year." });
    const log = await listModerationLog(db, null);
    expect(log.entries.slice(0, 2).map((e) => [e.action, e.detail])).toEqual([
      ["record_outcome", "changed to “Adopted, with a review in a year.”"],
      ["record_outcome", `“${outcome}”`],
    ]);
    expect((await getSubheadingProposals(db, sub.id)).decisions.map((d) => d.outcome)).toEqual([
      "Adopted, with a review in a year.",
    ]);
    expect(await getDebateDecisions(db, debate.id)).toEqual([
      { subheadingId: sub.id, count: 1, latest: "Adopted, with a review in a year." },
    ]);
  });

  it("the proposal page lists votes with names and reasons, and follows a renamed subheading", async () => {
    const { proposalId, sub, debate } = await world();
    const ann = await createMember();
    await castVote({ actor: ann, proposalId, value: "abstain", reason: "Not my field." });
    const page = await getProposal(db, debate.slug, sub.slug, proposalId);
    expect(page && "proposal" in page && page.proposal.votes).toEqual([
      {
        voter: expect.objectContaining({ id: ann.id, name: ann.name }),
        value: "abstain",
        reason: "Not my field.",
        at: expect.any(Date),
      },
    ]);
    expect(await getProposal(db, debate.slug, "elsewhere", proposalId)).toEqual({
      moved: { debateId: debate.id, debateSlug: debate.slug, subheadingSlug: sub.slug },
    });
    expect(await getProposal(db, "no-such-debate", sub.slug, proposalId)).toBeNull();
  });
});
