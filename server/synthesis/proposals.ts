import "server-only";
import { proposalWithdrawRefusal, synthesisEditRefusal, synthesisProposeRefusal } from "@/lib/permissions";
import type { DecideProposalInput, ProposeSynthesisInput } from "@/lib/schemas/synthesis";
import { cacheTags } from "@/lib/cache-tags";
import { viewerOf, type SessionUser } from "../auth/session";
import { db, type DbTx } from "../db";
import { AppError, enforce } from "../errors";
import { renderUserMarkdown } from "../markdown/render-markdown";
import { logModeration } from "../moderation/log";
import { notifyAfterCommit } from "../notifications/jobs";
import { write } from "../write";
import { addVersion, ensureSynthesis, lockSynthesis } from "./edit-synthesis";
import { findPlace, hasPostedIn } from "./place";

export const STALE_PROPOSAL =
  "The synthesis changed since this proposal was written; review the diff against the current text. To accept it anyway, tick “Replace the current text” and accept again.";

async function enforceMayPropose(tx: DbTx, actor: SessionUser, input: ProposeSynthesisInput) {
  const place = await findPlace(tx, input);
  const viewer = viewerOf(actor);
  const hasPosted = viewer && !viewer.restriction ? await hasPostedIn(tx, actor.id, place) : false;
  enforce(synthesisProposeRefusal(viewer, { ...place, hasPosted }));
  return place;
}

/** Proposes a new text for a synthesis, against the version the member read (its diff is shown against that). */
export async function proposeSynthesisEdit({ actor, ...input }: ProposeSynthesisInput & { actor: SessionUser }) {
  await enforceMayPropose(db, actor, input);
  const bodyHtml = await renderUserMarkdown(input.body, actor.id);
  return write(async (w) => {
    const place = await enforceMayPropose(w.tx, actor, input);
    await lockSynthesis(w.tx, place);
    const synthesis = await ensureSynthesis(w.tx, place);
    if (input.baseVersion > synthesis.version) throw new AppError("INVALID", "That version does not exist.");
    if (synthesis.version === input.baseVersion && synthesis.body === input.body) {
      throw new AppError("INVALID", "Your proposal is the same as the current text: change something first.", "body");
    }
    const proposal = await w.tx.synthesisProposal.create({
      data: {
        synthesisId: synthesis.id,
        authorId: actor.id,
        baseVersion: input.baseVersion,
        body: input.body,
        bodyHtml,
        note: input.note,
      },
      select: { id: true },
    });
    w.touch(cacheTags.synthesis(place.scopeKey));
    return { id: proposal.id };
  });
}

async function findProposal(tx: DbTx, proposalId: string) {
  const proposal = await tx.synthesisProposal.findUnique({
    where: { id: proposalId },
    select: {
      id: true,
      authorId: true,
      status: true,
      baseVersion: true,
      body: true,
      bodyHtml: true,
      note: true,
      synthesis: { select: { id: true, debateId: true, subheadingId: true, status: true, version: true } },
    },
  });
  if (!proposal) throw new AppError("NOT_FOUND", "That proposal does not exist.");
  return proposal;
}

/**
 * Accepts (a new version, crediting the proposer as its author and the decider as its editor) or
 * rejects (the text stays) an open proposal, with the decider's note; both are logged publicly.
 * A proposal written against an older version than the current one would undo whatever changed
 * since, which its diff against the current text shows: it is accepted only when the decider says
 * so (`confirmStale`), having seen that diff.
 */
export async function decideProposal({ actor, ...input }: DecideProposalInput & { actor: SessionUser }) {
  return write(async (w) => {
    const proposal = await findProposal(w.tx, input.proposalId);
    const place = await findPlace(w.tx, proposal.synthesis);
    enforce(synthesisEditRefusal(viewerOf(actor), place));
    await lockSynthesis(w.tx, place);
    const current = await findProposal(w.tx, input.proposalId); // as it is under the lock
    if (current.status !== "open")
      throw new AppError("CONFLICT", "That proposal has already been decided or withdrawn.");
    const accept = input.decision === "accept";
    if (accept && current.baseVersion !== current.synthesis.version && !input.confirmStale) {
      throw new AppError("CONFLICT", STALE_PROPOSAL, "confirmStale");
    }
    const version = accept
      ? await addVersion(w, place, current.synthesis.id, {
          body: current.body,
          bodyHtml: current.bodyHtml,
          status: current.synthesis.status,
          authorId: current.authorId,
          editorId: actor.id,
          proposalId: current.id,
          note: input.decisionNote ?? current.note,
        })
      : null;
    await w.tx.synthesisProposal.update({
      where: { id: current.id },
      data: {
        status: accept ? "accepted" : "rejected",
        decidedById: actor.id,
        decidedAt: new Date(),
        decisionNote: input.decisionNote,
      },
    });
    w.touch(cacheTags.synthesis(place.scopeKey));
    // The proposer is told of the decision (the followers of an accepted one by addVersion's job).
    await notifyAfterCommit(w, "synthesis_proposal", current.id);
    await logModeration(w, {
      actorId: actor.id,
      action: accept ? "synthesis_accept" : "synthesis_reject",
      debateId: place.debateId,
      subheadingId: place.subheadingId,
      targetUserId: current.authorId,
      reason: input.decisionNote,
      detail: version ? `version ${version}` : null,
    });
    return { id: current.id, version };
  });
}

/** Withdraws one's own open proposal. */
export async function withdrawProposal({ actor, proposalId }: { actor: SessionUser; proposalId: string }) {
  return write(async (w) => {
    const proposal = await findProposal(w.tx, proposalId);
    enforce(proposalWithdrawRefusal(viewerOf(actor), proposal));
    const place = await findPlace(w.tx, proposal.synthesis);
    const { count } = await w.tx.synthesisProposal.updateMany({
      where: { id: proposalId, status: "open" },
      data: { status: "withdrawn", decidedAt: new Date() },
    });
    if (count === 0) throw new AppError("CONFLICT", "That proposal has already been decided or withdrawn.");
    w.touch(cacheTags.synthesis(place.scopeKey));
    return { id: proposalId };
  });
}
