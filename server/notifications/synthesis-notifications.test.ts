// A synthesis that changes tells the followers of its place; a proposed edit decided tells its proposer.
import { describe, expect, it } from "vitest";
import { proposalPath, synthesisHistoryPath } from "@/lib/synthesis";
import { addPost, createDebate, createMember } from "@/test/factories";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { setFollow } from "../follows/set-follow";
import { editSynthesis } from "../synthesis/edit-synthesis";
import { decideProposal, proposeSynthesisEdit } from "../synthesis/proposals";
import { runAfterCommit, type Written } from "../write";
import { notificationsSettled, processNotificationJobs } from "./jobs";
import { listNotifications } from "./list-notifications";

/** A write's after-commit work, as the action guard runs it (which notifies). */
async function settle<T extends object>(made: Promise<Written<T>>): Promise<Written<T>> {
  const result = await made;
  await runAfterCommit(result.after);
  await notificationsSettled();
  return result;
}

const kindsOf = async (userId: string) =>
  (await db.notification.findMany({ where: { userId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map(
    (x) => x.kind,
  );

const follow = (actor: SessionUser, targetType: "debate" | "subheading", targetId: string, level = "follow") =>
  setFollow({ actor, targetType, targetId, level: level as "follow" | "mute" });

let n = 0;
const named = (name: string) => createMember({ name: `${name} ${++n}` });

/** A debate; a moderator; members following the subheading, the debate, or the debate but muting the subheading. */
async function scene() {
  const debate = await createDebate();
  const sub = debate.subheadings[0]!;
  const mod = { ...(await named("Mo Moderator")), role: "MODERATOR" as const };
  await db.user.update({ where: { id: mod.id }, data: { role: "MODERATOR" } });
  const [subFan, debateFan, muter, stranger, proposer] = await Promise.all([
    createMember(),
    createMember(),
    createMember(),
    createMember(),
    named("Pat Proposer"),
  ]);
  await follow(subFan, "subheading", sub.id);
  await follow(debateFan, "debate", debate.id);
  await follow(muter, "debate", debate.id);
  await follow(muter, "subheading", sub.id, "mute");
  // The editor follows the place too: their own change still never reaches them.
  await follow(mod, "subheading", sub.id);
  await addPost({ subheadingId: sub.id, authorId: proposer.id, body: "I posted here, so I may propose." });
  const place = { debateId: debate.id, subheadingId: sub.id };
  return { debate, sub, mod, subFan, debateFan, muter, stranger, proposer, place };
}

const edit = (place: { debateId: string; subheadingId: string | null }, body: string, baseVersion: number) => ({
  ...place,
  body,
  note: null,
  status: "open" as const,
  baseVersion,
});

describe("a synthesis that changes", () => {
  it("tells the followers of its subheading and of its debate once, never its editor nor a member muting it", async () => {
    const { debate, sub, mod, subFan, debateFan, muter, stranger, place } = await scene();
    await settle(editSynthesis({ actor: mod, ...edit(place, "Where we stand.", 0) }));

    expect(await kindsOf(subFan.id)).toEqual(["synthesis"]);
    expect(await kindsOf(debateFan.id)).toEqual(["synthesis"]);
    expect(await kindsOf(muter.id)).toEqual([]);
    expect(await kindsOf(mod.id)).toEqual([]);
    expect(await kindsOf(stranger.id)).toEqual([]);

    const { items } = await listNotifications(subFan.id, null);
    expect(items).toMatchObject([
      {
        kind: "synthesis",
        sentence: `The synthesis of “${sub.title}” was updated by ${mod.name}.`,
        // The version's own entry in the history, with its diff, however many versions follow it.
        href: `${synthesisHistoryPath(debate.slug, sub.slug, 2)}#v-1`,
      },
    ]);
  });

  it("says so when only its status changed, and when the text and the status changed together", async () => {
    const { sub, mod, subFan, place } = await scene();
    await settle(editSynthesis({ actor: mod, ...edit(place, "Where we stand.", 0) }));
    await settle(editSynthesis({ actor: mod, ...edit(place, "Where we stand.", 1), status: "settled" }));
    await settle(editSynthesis({ actor: mod, ...edit(place, "Reopened: new facts.", 2), note: "New facts" }));
    const { items } = await listNotifications(subFan.id, null);
    expect(items.map((i) => i.sentence)).toEqual([
      `The synthesis of “${sub.title}” was updated by ${mod.name} and marked open.`,
      `${mod.name} marked the synthesis of “${sub.title}” as settled.`,
      `The synthesis of “${sub.title}” was updated by ${mod.name}.`,
    ]);
    // The editor's note is shown under the sentence.
    expect(items[0]!.excerpt).toBe("New facts");
  });

  it("of the debate itself tells the debate's followers, not those following only a subheading", async () => {
    const { debate, mod, subFan, debateFan } = await scene();
    await settle(editSynthesis({ actor: mod, ...edit({ debateId: debate.id, subheadingId: null }, "Overall.", 0) }));
    expect(await kindsOf(debateFan.id)).toEqual(["synthesis"]);
    expect(await kindsOf(subFan.id)).toEqual([]);
    const { items } = await listNotifications(debateFan.id, null);
    expect(items[0]).toMatchObject({
      sentence: `The synthesis of “${debate.title}” was updated by ${mod.name}.`,
      href: `${synthesisHistoryPath(debate.slug, null, 2)}#v-1`,
    });
  });

  it("tells nobody when its subheading was archived before the job ran", async () => {
    const { sub, mod, subFan, debateFan, place } = await scene();
    const made = await editSynthesis({ actor: mod, ...edit(place, "Where we stand.", 0) });
    await db.subheading.update({ where: { id: sub.id }, data: { archivedAt: new Date() } });
    await runAfterCommit(made.after);
    await notificationsSettled();
    expect([...(await kindsOf(subFan.id)), ...(await kindsOf(debateFan.id))]).toEqual([]);
  });
});

describe("a proposed edit decided", () => {
  it("accepted: the followers hear of the new version once, the proposer of the decision (once, following or not)", async () => {
    const { debate, sub, mod, subFan, debateFan, muter, proposer, place } = await scene();
    await follow(proposer, "subheading", sub.id);
    const { id } = await settle(
      proposeSynthesisEdit({ actor: proposer, ...place, body: "Proposed words.", note: null, baseVersion: 0 }),
    );
    // A proposal alone changes nothing followers read.
    expect(await kindsOf(subFan.id)).toEqual([]);
    await settle(
      decideProposal({ actor: mod, proposalId: id, decision: "accept", decisionNote: "Thanks", confirmStale: false }),
    );

    expect(await kindsOf(subFan.id)).toEqual(["synthesis"]);
    expect(await kindsOf(debateFan.id)).toEqual(["synthesis"]);
    expect(await kindsOf(muter.id)).toEqual([]);
    expect(await kindsOf(mod.id)).toEqual([]);
    expect(await kindsOf(proposer.id)).toEqual(["synthesis_accepted"]);
    const { items } = await listNotifications(proposer.id, null);
    expect(items).toMatchObject([
      {
        sentence: `${mod.name} accepted your proposed edit to the synthesis of “${sub.title}”.`,
        href: proposalPath(debate.slug, sub.slug, id),
        excerpt: "Thanks",
      },
    ]);
  });

  it("rejected: the proposer is told why even without following; the followers hear nothing", async () => {
    const { debate, sub, mod, subFan, proposer, place } = await scene();
    const { id } = await settle(
      proposeSynthesisEdit({ actor: proposer, ...place, body: "Proposed words.", note: null, baseVersion: 0 }),
    );
    await settle(
      decideProposal({ actor: mod, proposalId: id, decision: "reject", decisionNote: "Too long", confirmStale: false }),
    );
    expect(await kindsOf(subFan.id)).toEqual([]);
    const { items } = await listNotifications(proposer.id, null);
    expect(items).toMatchObject([
      {
        kind: "synthesis_rejected",
        sentence: `${mod.name} rejected your proposed edit to the synthesis of “${sub.title}”.`,
        href: proposalPath(debate.slug, sub.slug, id),
        excerpt: "Too long",
      },
    ]);
  });

  it("muting wins: a proposer muting the subheading is not told", async () => {
    const { sub, mod, proposer, place } = await scene();
    await follow(proposer, "subheading", sub.id, "mute");
    const { id } = await proposeSynthesisEdit({
      actor: proposer,
      ...place,
      body: "Proposed words.",
      note: null,
      baseVersion: 0,
    });
    await settle(
      decideProposal({ actor: mod, proposalId: id, decision: "reject", decisionNote: null, confirmStale: false }),
    );
    expect(await kindsOf(proposer.id)).toEqual([]);
  });
});

describe("the jobs", () => {
  it("are written with the change and processed once, whether run again, twice at once, or by the sweep", async () => {
    const { mod, subFan, proposer, place } = await scene();
    // As if the process died right after the commit: nothing ran after it.
    await editSynthesis({ actor: mod, ...edit(place, "Where we stand.", 0) });
    const { id } = await proposeSynthesisEdit({ actor: proposer, ...place, body: "Mine.", note: null, baseVersion: 1 });
    await decideProposal({ actor: mod, proposalId: id, decision: "accept", decisionNote: null, confirmStale: false });
    const versions = await db.synthesisVersion.findMany({
      where: { synthesis: { scopeKey: `subheading:${place.subheadingId}` } },
    });
    const jobs = await db.notificationJob.findMany({
      where: { subjectId: { in: [id, ...versions.map((v) => v.id)] }, processedAt: null },
      select: { id: true, kind: true },
    });
    expect(jobs.map((j) => j.kind).sort()).toEqual(["synthesis", "synthesis", "synthesis_proposal"]);
    const jobIds = jobs.map((j) => j.id);

    await Promise.all([
      processNotificationJobs({ jobIds }),
      processNotificationJobs({ jobIds }),
      processNotificationJobs({ minAgeMs: 0 }),
    ]);
    // As if a crash came after the rows were written but before the jobs were marked.
    await db.notificationJob.updateMany({ where: { id: { in: jobIds } }, data: { processedAt: null } });
    await processNotificationJobs({ jobIds });
    expect(await kindsOf(subFan.id)).toEqual(["synthesis", "synthesis"]);
    expect(await kindsOf(proposer.id)).toEqual(["synthesis_accepted"]);
  });
});
