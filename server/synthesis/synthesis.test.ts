import { describe, expect, it } from "vitest";
import { addPost, createDebate, createMember } from "@/test/factories";
import { db } from "../db";
import { AppError } from "../errors";
import { editSynthesis } from "./edit-synthesis";
import { getSynthesis } from "./get-synthesis";
import { getSynthesisProposal } from "./get-proposal";
import { listSynthesisExcerpts } from "./list-excerpts";
import { listSynthesisVersions } from "./list-versions";
import { decideProposal, proposeSynthesisEdit, STALE_PROPOSAL, withdrawProposal } from "./proposals";

async function setup() {
  const debate = await createDebate();
  const [a, b] = debate.subheadings;
  const opener = await createMember();
  await db.debate.update({ where: { id: debate.id }, data: { authorId: opener.id } });
  const moderator = { ...(await createMember()), role: "MODERATOR" as const };
  await db.user.update({ where: { id: moderator.id }, data: { role: "MODERATOR" } });
  const poster = await createMember();
  await addPost({ subheadingId: a!.id, authorId: poster.id, body: "I posted here." });
  const place = { debateId: debate.id, subheadingId: a!.id };
  return { debate, a: a!, b: b!, opener, moderator, poster, place };
}

const edit = (place: { debateId: string; subheadingId: string | null }, body: string, baseVersion: number) => ({
  ...place,
  body,
  note: null,
  status: "open" as const,
  baseVersion,
});
const propose = (place: { debateId: string; subheadingId: string | null }, body: string, baseVersion: number) => ({
  ...place,
  body,
  note: "Clearer",
  baseVersion,
});
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => "allowed",
    (e: unknown) => (e instanceof AppError ? `${e.code}: ${e.message}` : Promise.reject(e)),
  );

describe("editing a synthesis directly", () => {
  it("moderators and the debate's opener edit, as numbered versions with who and a public log entry", async () => {
    const { debate, a, opener, moderator, place } = await setup();
    expect((await editSynthesis({ actor: opener, ...edit(place, "Where we **stand**.", 0) })).version).toBe(1);
    const second = await editSynthesis({
      actor: moderator,
      ...edit(place, "Where we stand now.", 1),
      status: "converging",
    });
    expect(second.version).toBe(2);
    const view = await getSynthesis(db, debate.slug, a.slug);
    expect(view?.synthesis).toMatchObject({ status: "converging", body: "Where we stand now.", version: 2 });
    expect(view?.synthesis.lastChange?.editor?.id).toBe(moderator.id);
    const log = await db.moderationAction.findMany({ where: { debateId: debate.id }, orderBy: { createdAt: "asc" } });
    expect(log.map((l) => [l.action, l.actorId])).toEqual([
      ["synthesis_edit", opener.id],
      ["synthesis_edit", moderator.id],
    ]);
    // A status change alone is a version too, logged as such.
    await editSynthesis({ actor: moderator, ...edit(place, "Where we stand now.", 2), status: "settled" });
    expect((await db.moderationAction.findFirst({ orderBy: { createdAt: "desc" } }))?.action).toBe("synthesis_status");
    expect(await listSynthesisExcerpts(db, debate.id)).toEqual([
      { subheadingId: a.id, status: "settled", excerpt: "Where we stand now." },
    ]);
  });

  it("refuses members (even those who posted), the suspended opener, and an edit over a newer version", async () => {
    const { debate, poster, opener, moderator, place } = await setup();
    expect(await refusal(editSynthesis({ actor: poster, ...edit(place, "Mine.", 0) }))).toMatch(
      /^FORBIDDEN: .*propose/,
    );
    await db.user.update({ where: { id: opener.id }, data: { suspendedUntil: new Date(Date.now() + 86400_000) } });
    const suspended = { ...opener, suspendedUntil: new Date(Date.now() + 86400_000), suspendReason: "testing" };
    expect(await refusal(editSynthesis({ actor: suspended, ...edit(place, "Mine.", 0) }))).toMatch(/suspended/);
    await editSynthesis({ actor: moderator, ...edit(place, "First.", 0) });
    expect(await refusal(editSynthesis({ actor: moderator, ...edit(place, "Over it.", 0) }))).toMatch(/^CONFLICT/);
    expect(await refusal(editSynthesis({ actor: moderator, ...edit(place, "First.", 1) }))).toMatch(
      /Nothing has changed/,
    );
    expect(await db.synthesisVersion.count({ where: { synthesis: { debateId: debate.id } } })).toBe(1);
  });

  it("numbers versions without gaps or repeats under concurrent edits", async () => {
    const { debate, moderator, opener, place } = await setup();
    await editSynthesis({ actor: moderator, ...edit(place, "Start.", 0) });
    // Two editors at once, each from the version they saw, and more after them.
    const results = await Promise.allSettled([
      editSynthesis({ actor: moderator, ...edit(place, "Moderator's words.", 1) }),
      editSynthesis({ actor: opener, ...edit(place, "Opener's words.", 1) }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const proposals = await Promise.all(
      [1, 2, 3].map(async (i) => {
        const { id } = await proposeSynthesisEdit({ actor: moderator, ...propose(place, `Proposal ${i}.`, 2) });
        return id;
      }),
    );
    await Promise.all(proposals.map((proposalId) => decideProposal({ actor: opener, ...accept(proposalId, true) })));
    const numbers = await db.synthesisVersion.findMany({
      where: { synthesis: { debateId: debate.id } },
      orderBy: { number: "asc" },
      select: { number: true },
    });
    expect(numbers.map((n) => n.number)).toEqual([1, 2, 3, 4, 5]);
    expect((await db.synthesis.findFirstOrThrow({ where: { debateId: debate.id } })).version).toBe(5);
  });
});

const accept = (proposalId: string, confirmStale = false) => ({
  proposalId,
  decision: "accept" as const,
  decisionNote: "Thanks",
  confirmStale,
});

describe("proposing edits", () => {
  it("members who posted in the subheading propose; others, and the suspended, are refused", async () => {
    const { b, poster, place, debate } = await setup();
    const stranger = await createMember();
    expect(await refusal(proposeSynthesisEdit({ actor: stranger, ...propose(place, "Mine.", 0) }))).toMatch(
      /posted under this subheading/,
    );
    // A post in another subheading is not enough; in the debate it is, for the debate's own synthesis.
    expect(
      await refusal(proposeSynthesisEdit({ actor: poster, ...propose({ ...place, subheadingId: b.id }, "Mine.", 0) })),
    ).toMatch(/^FORBIDDEN/);
    const debatePlace = { debateId: debate.id, subheadingId: null };
    expect(await refusal(proposeSynthesisEdit({ actor: poster, ...propose(debatePlace, "Ours.", 0) }))).toBe("allowed");
    // A hidden post does not count.
    const hiddenPoster = await createMember();
    const post = await addPost({ subheadingId: place.subheadingId, authorId: hiddenPoster.id });
    await db.post.update({ where: { id: post.id }, data: { hiddenAt: new Date() } });
    expect(await refusal(proposeSynthesisEdit({ actor: hiddenPoster, ...propose(place, "Mine.", 0) }))).toMatch(
      /^FORBIDDEN/,
    );
    const suspended = await createMember({ suspendedUntil: new Date(Date.now() + 86400_000) });
    await addPost({ subheadingId: place.subheadingId, authorId: suspended.id });
    expect(await refusal(proposeSynthesisEdit({ actor: suspended, ...propose(place, "Mine.", 0) }))).toMatch(
      /suspended/,
    );
    expect(await refusal(proposeSynthesisEdit({ actor: poster, ...propose(place, "Mine.", 0) }))).toBe("allowed");
  });

  it("a lock on the subheading or the debate ends members' proposals; moderators still finish the text", async () => {
    const { a, debate, moderator, poster, place } = await setup();
    await db.subheading.update({ where: { id: a.id }, data: { locked: true } });
    expect(await refusal(proposeSynthesisEdit({ actor: poster, ...propose(place, "Mine.", 0) }))).toMatch(
      /^FORBIDDEN: .*locked/,
    );
    expect(await refusal(proposeSynthesisEdit({ actor: moderator, ...propose(place, "Theirs.", 0) }))).toBe("allowed");
    await db.subheading.update({ where: { id: a.id }, data: { locked: false } });
    await db.debate.update({ where: { id: debate.id }, data: { locked: true } });
    expect(await refusal(proposeSynthesisEdit({ actor: poster, ...propose(place, "Mine.", 0) }))).toMatch(/locked/);
  });

  it("accepting makes a new version crediting the proposer; rejecting keeps the text", async () => {
    const { debate, a, moderator, opener, poster, place } = await setup();
    await editSynthesis({ actor: opener, ...edit(place, "The state withers away.", 0) });
    const first = await proposeSynthesisEdit({ actor: poster, ...propose(place, "The state does not wither.", 1) });
    const second = await proposeSynthesisEdit({ actor: poster, ...propose(place, "Something else.", 1) });
    expect((await getSynthesis(db, debate.slug, a.slug))?.proposals.map((p) => p.id)).toEqual([first.id, second.id]);

    const proposalPage = await getSynthesisProposal(db, debate.slug, a.slug, first.id);
    expect(proposalPage?.proposal?.diffFromBase.filter((p) => p.kind === "removed").map((p) => p.text)).toEqual([
      "withers",
      "away",
    ]);
    expect(proposalPage?.proposal?.diffFromCurrent).toBeNull();

    expect((await decideProposal({ actor: moderator, ...accept(first.id) })).version).toBe(2);
    const version = await db.synthesisVersion.findFirstOrThrow({ where: { proposalId: first.id } });
    expect(version).toMatchObject({
      number: 2,
      authorId: poster.id,
      editorId: moderator.id,
      body: "The state does not wither.",
    });

    // The second was written against version 1: accepting it would undo version 2.
    expect((await getSynthesisProposal(db, debate.slug, a.slug, second.id))?.proposal?.stale).toBe(true);
    expect(await refusal(decideProposal({ actor: moderator, ...accept(second.id) }))).toBe(
      `CONFLICT: ${STALE_PROPOSAL}`,
    );
    await decideProposal({
      actor: moderator,
      proposalId: second.id,
      decision: "reject",
      decisionNote: "Off",
      confirmStale: false,
    });
    const after = await getSynthesis(db, debate.slug, a.slug);
    expect(after?.synthesis).toMatchObject({ version: 2, body: "The state does not wither." });
    expect(after?.proposals).toEqual([]);
    expect(await db.synthesisProposal.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
      status: "rejected",
      decidedById: moderator.id,
      decisionNote: "Off",
    });
    // Decided once: never again.
    expect(await refusal(decideProposal({ actor: moderator, ...accept(second.id, true) }))).toMatch(
      /already been decided/,
    );
    expect(await refusal(decideProposal({ actor: poster, ...accept(first.id) }))).toMatch(/^FORBIDDEN/);

    const history = await listSynthesisVersions(db, debate.slug, a.slug, null);
    expect(history?.versions.map((v) => [v.number, v.author?.id])).toEqual([
      [2, poster.id],
      [1, opener.id],
    ]);
    expect(history?.versions[0]?.diff.some((p) => p.kind === "added" && p.text.includes("does"))).toBe(true);
  });

  it("a stale proposal is accepted when the decider confirms it", async () => {
    const { moderator, poster, place } = await setup();
    await editSynthesis({ actor: moderator, ...edit(place, "One.", 0) });
    const proposal = await proposeSynthesisEdit({ actor: poster, ...propose(place, "Two.", 1) });
    await editSynthesis({ actor: moderator, ...edit(place, "One and a half.", 1) });
    expect((await decideProposal({ actor: moderator, ...accept(proposal.id, true) })).version).toBe(3);
  });

  it("only its proposer withdraws an open proposal", async () => {
    const { moderator, poster, place } = await setup();
    const { id } = await proposeSynthesisEdit({ actor: poster, ...propose(place, "Mine.", 0) });
    expect(await refusal(withdrawProposal({ actor: moderator, proposalId: id }))).toMatch(/your own proposals/);
    await withdrawProposal({ actor: poster, proposalId: id });
    expect((await db.synthesisProposal.findUniqueOrThrow({ where: { id } })).status).toBe("withdrawn");
    expect(await refusal(withdrawProposal({ actor: poster, proposalId: id }))).toMatch(/already been decided/);
    expect(await refusal(decideProposal({ actor: moderator, ...accept(id) }))).toMatch(/already been decided/);
  });
});

describe("quote cards", () => {
  it("a permalink alone on its line shows the post's author and first line; a hidden post shows nothing of it", async () => {
    const { debate, a, moderator, poster, place } = await setup();
    const post = await db.post.findFirstOrThrow({ where: { authorId: poster.id } });
    const body = `As said:\n\n[quote](/debates/${debate.slug}/posts/${post.id})\n\n[nothing](/debates/${debate.slug}/posts/nope)`;
    await editSynthesis({ actor: moderator, ...edit(place, body, 0) });
    let view = await getSynthesis(db, debate.slug, a.slug);
    expect(view?.synthesis.cards).toEqual([
      expect.objectContaining({
        postId: post.id,
        firstLine: "I posted here.",
        author: expect.objectContaining({ id: poster.id }),
      }),
    ]);
    await db.post.update({ where: { id: post.id }, data: { hiddenAt: new Date() } });
    view = await getSynthesis(db, debate.slug, a.slug);
    expect(view?.synthesis.cards[0]).toMatchObject({ firstLine: null, author: null });
  });
});
