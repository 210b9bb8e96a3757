import "server-only";
import { RENDER_VERSION } from "@/lib/markdown";
import { synthesisEditRefusal } from "@/lib/permissions";
import type { EditSynthesisInput } from "@/lib/schemas/synthesis";
import { viewerOf, type SessionUser } from "../auth/session";
import { db, type DbTx } from "../db";
import { lockKeys } from "../db-sql";
import { AppError, enforce } from "../errors";
import { renderUserMarkdown } from "../markdown/render-markdown";
import { logModeration } from "../moderation/log";
import { notifyAfterCommit } from "../notifications/jobs";
import { write, type Write } from "../write";
import { findPlace, synthesisTextTags, type SynthesisPlace } from "./place";

/** The synthesis of a place, made (empty, version 0) on first use. Call under its lock (lockSynthesis). */
export async function ensureSynthesis(tx: DbTx, place: SynthesisPlace) {
  return tx.synthesis.upsert({
    where: { scopeKey: place.scopeKey },
    create: { debateId: place.debateId, subheadingId: place.subheadingId, scopeKey: place.scopeKey },
    update: {},
    select: { id: true, status: true, body: true, version: true },
  });
}

/**
 * One writer per synthesis at a time, on whichever instance: its creation, the check of the version
 * a form was based on, and the next version's number hold until the commit (a no-op on SQLite,
 * whose writer runs one transaction at a time).
 */
export const lockSynthesis = (tx: DbTx, place: SynthesisPlace) => lockKeys(tx, [`synthesis:${place.scopeKey}`]);

export type NewVersion = {
  body: string;
  bodyHtml: string;
  status: string;
  authorId: string | null;
  editorId: string;
  proposalId?: string | null;
  note: string | null;
};

/**
 * Makes `next` the synthesis's current text as its next version. The number comes from the row's
 * own counter, incremented in the same statement that changes the text, so two writers can never
 * take the same number or leave a gap (the unique (synthesisId, number) index would refuse either).
 * Every new version is news to the followers of the place: a notification job goes with it.
 */
export async function addVersion(w: Write, place: SynthesisPlace, synthesisId: string, next: NewVersion) {
  const { version } = await w.tx.synthesis.update({
    where: { id: synthesisId },
    data: {
      body: next.body,
      bodyHtml: next.bodyHtml,
      status: next.status,
      renderVersion: RENDER_VERSION,
      version: { increment: 1 },
    },
    select: { version: true },
  });
  const { id } = await w.tx.synthesisVersion.create({
    data: {
      synthesisId,
      number: version,
      status: next.status,
      body: next.body,
      bodyHtml: next.bodyHtml,
      authorId: next.authorId,
      editorId: next.editorId,
      proposalId: next.proposalId ?? null,
      note: next.note,
    },
    select: { id: true },
  });
  w.touch(...synthesisTextTags(place));
  // The followers of its place are told (after the commit; durably, by the job written here).
  await notifyAfterCommit(w, "synthesis", id);
  return version;
}

const CHANGED_SINCE =
  "The synthesis was changed by someone else since you opened it. Reload the page to see the current text; what you typed is kept here.";

/**
 * Edits a synthesis directly (moderators and the debate's opener): its text, its status or both,
 * as a new version with the editor's note, logged publicly. The form says which version it was
 * based on; an edit over a newer one is refused rather than silently undoing it.
 */
export async function editSynthesis({ actor, ...input }: EditSynthesisInput & { actor: SessionUser }) {
  const place = await findPlace(db, input);
  enforce(synthesisEditRefusal(viewerOf(actor), place));
  const bodyHtml = input.body ? await renderUserMarkdown(input.body, actor.id) : "";
  return write(async (w) => {
    const place = await findPlace(w.tx, input);
    enforce(synthesisEditRefusal(viewerOf(actor), place));
    await lockSynthesis(w.tx, place);
    const synthesis = await ensureSynthesis(w.tx, place);
    if (synthesis.version !== input.baseVersion) throw new AppError("CONFLICT", CHANGED_SINCE);
    const textChanged = synthesis.body !== input.body;
    if (!textChanged && synthesis.status === input.status) {
      throw new AppError("INVALID", "Nothing has changed.", "body");
    }
    const version = await addVersion(w, place, synthesis.id, {
      body: input.body,
      bodyHtml,
      status: input.status,
      authorId: actor.id,
      editorId: actor.id,
      note: input.note,
    });
    await logModeration(w, {
      actorId: actor.id,
      action: textChanged ? "synthesis_edit" : "synthesis_status",
      debateId: place.debateId,
      subheadingId: place.subheadingId,
      reason: input.note,
      detail: textChanged ? `version ${version}, ${input.status}` : input.status,
    });
    return { id: synthesis.id, version };
  });
}
