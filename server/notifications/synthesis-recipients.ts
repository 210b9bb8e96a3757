import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../db";
import { insertNotifications, type NotificationRow } from "../db-sql";
import { forEachFollowerBatch, reachable, type FollowTarget } from "./followers";
import {
  decisionDedupeKey,
  PROPOSAL_DECIDED,
  SYNTHESIS_CHANGED,
  versionDedupeKey,
  type DecisionDetail,
  type VersionDetail,
} from "./synthesis-detail";

const placeSelect = {
  debateId: true,
  subheadingId: true,
  debate: { select: { archivedAt: true } },
  subheading: { select: { archivedAt: true } },
} as const;
type Place = {
  debateId: string;
  subheadingId: string | null;
  debate: { archivedAt: Date | null };
  subheading: { archivedAt: Date | null } | null;
};

/** Its followers are those of the subheading and of the debate (which covers its subheadings), or of the debate. */
const targetsOf = (place: Place): FollowTarget[] => [
  ...(place.subheadingId ? [{ targetType: "subheading" as const, targetId: place.subheadingId }] : []),
  { targetType: "debate", targetId: place.debateId },
];
/** An archived place is gone for readers: nobody is told of it. */
const gone = (place: Place) => !!place.debate.archivedAt || !!place.subheading?.archivedAt;

/**
 * Tells the followers of a synthesis's place of its new version (a direct edit, a change of
 * status, an accepted proposal), once each (dedupe key `synthesis:<versionId>`), as post-recipients
 * does for a post: the followers of the subheading and of the debate; never the editor, the
 * proposer of an accepted edit (told of the decision instead), a banned member or anyone muting the
 * subheading or the debate; nobody when the place has been archived by the time this runs.
 * Idempotent. Resolves to the members newly notified.
 */
export async function notifyAboutSynthesisVersion(versionId: string): Promise<string[]> {
  const version = await db.synthesisVersion.findUnique({
    where: { id: versionId },
    select: {
      id: true,
      synthesisId: true,
      number: true,
      status: true,
      body: true,
      authorId: true,
      editorId: true,
      proposalId: true,
      note: true,
      synthesis: { select: placeSelect },
    },
  });
  if (!version || gone(version.synthesis)) return [];
  // Before the first version a synthesis is empty and open.
  const previous = (version.number > 1 &&
    (await db.synthesisVersion.findUnique({
      where: { synthesisId_number: { synthesisId: version.synthesisId, number: version.number - 1 } },
      select: { status: true, body: true },
    }))) || { status: "open", body: "" };
  const detail: VersionDetail = {
    version: version.number,
    status: version.status,
    text: version.body !== previous.body,
    statusChanged: version.status !== previous.status,
    note: version.note,
  };
  const place = version.synthesis;
  const targets = targetsOf(place);
  const excluded = [version.editorId, version.proposalId ? version.authorId : null];
  const now = new Date();
  const notified: string[] = [];
  await forEachFollowerBatch(targets, async (followers) => {
    const allowed = await reachable(followers, excluded, targets);
    const rows = [...allowed].map((userId): NotificationRow => ({
      id: randomUUID(),
      userId,
      kind: SYNTHESIS_CHANGED,
      dedupeKey: versionDedupeKey(version.id),
      postId: null,
      actorId: version.editorId,
      debateId: place.debateId,
      subheadingId: place.subheadingId,
      detail: JSON.stringify(detail),
      createdAt: now,
    }));
    notified.push(...(await insertNotifications(db, rows)));
  });
  return [...new Set(notified)];
}

/**
 * Tells a proposer that their proposed edit was accepted or rejected, with the decider's note,
 * whether they follow the place or not (dedupe key `synthesis-proposal:<proposalId>`). Not when
 * they decided it themselves, are banned, or mute the subheading or the debate (muting wins, as
 * over a reply in a muted place), nor when the place has been archived since.
 */
export async function notifyAboutProposalDecision(proposalId: string): Promise<string[]> {
  const proposal = await db.synthesisProposal.findUnique({
    where: { id: proposalId },
    select: {
      id: true,
      status: true,
      authorId: true,
      decidedById: true,
      decisionNote: true,
      synthesis: { select: placeSelect },
    },
  });
  if (!proposal?.authorId || gone(proposal.synthesis)) return [];
  if (proposal.status !== "accepted" && proposal.status !== "rejected") return [];
  const place = proposal.synthesis;
  const allowed = await reachable([proposal.authorId], [proposal.decidedById], targetsOf(place));
  if (!allowed.has(proposal.authorId)) return [];
  const detail: DecisionDetail = { proposalId: proposal.id, note: proposal.decisionNote };
  return insertNotifications(db, [
    {
      id: randomUUID(),
      userId: proposal.authorId,
      kind: PROPOSAL_DECIDED[proposal.status],
      dedupeKey: decisionDedupeKey(proposal.id),
      postId: null,
      actorId: proposal.decidedById,
      debateId: place.debateId,
      subheadingId: place.subheadingId,
      detail: JSON.stringify(detail),
      createdAt: new Date(),
    },
  ]);
}
