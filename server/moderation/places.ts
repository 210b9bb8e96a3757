import "server-only";
import { debateTags } from "@/lib/cache-tags";
import { moderateRefusal } from "@/lib/permissions";
import { viewerOf, type SessionUser } from "../auth/session";
import type { DbTx } from "../db";
import { AppError, enforce } from "../errors";
import { write } from "../write";
import { logModeration } from "./log";

/** What a lock or slow mode applies to: one subheading, or a whole debate. */
export type Place = { subheadingId: string } | { debateId: string };

async function resolvePlace(tx: DbTx, place: Place) {
  if ("subheadingId" in place) {
    const s = await tx.subheading.findUnique({
      where: { id: place.subheadingId },
      select: { id: true, debateId: true },
    });
    if (!s) throw new AppError("NOT_FOUND", "That subheading does not exist.");
    return { kind: "subheading" as const, debateId: s.debateId, subheadingId: s.id };
  }
  const d = await tx.debate.findUnique({ where: { id: place.debateId }, select: { id: true } });
  if (!d) throw new AppError("NOT_FOUND", "That debate does not exist.");
  return { kind: "debate" as const, debateId: d.id, subheadingId: null };
}

/** Locks or unlocks a subheading or a debate: reading goes on, posting is refused. */
export async function setLocked({
  actor,
  place,
  locked,
  reason,
}: {
  actor: SessionUser;
  place: Place;
  locked: boolean;
  reason?: string | null;
}) {
  enforce(moderateRefusal(viewerOf(actor)));
  return write(async (w) => {
    const p = await resolvePlace(w.tx, place);
    if (p.kind === "subheading") await w.tx.subheading.update({ where: { id: p.subheadingId! }, data: { locked } });
    else await w.tx.debate.update({ where: { id: p.debateId }, data: { locked } });
    w.touch(...debateTags(p.debateId));
    await logModeration(w, {
      actorId: actor.id,
      action: `${locked ? "lock" : "unlock"}_${p.kind}`,
      reason,
      debateId: p.debateId,
      subheadingId: p.subheadingId,
    });
    return p;
  });
}

/** Slow mode: a member must wait this many seconds between two posts there (0 turns it off). */
export async function setSlowMode({ actor, place, seconds }: { actor: SessionUser; place: Place; seconds: number }) {
  enforce(moderateRefusal(viewerOf(actor)));
  return write(async (w) => {
    const p = await resolvePlace(w.tx, place);
    const data = { slowModeSeconds: seconds };
    if (p.kind === "subheading") await w.tx.subheading.update({ where: { id: p.subheadingId! }, data });
    else await w.tx.debate.update({ where: { id: p.debateId }, data });
    w.touch(...debateTags(p.debateId));
    await logModeration(w, {
      actorId: actor.id,
      action: `slow_mode_${p.kind}`,
      debateId: p.debateId,
      subheadingId: p.subheadingId,
      detail: seconds ? `${seconds} s between posts` : "off",
    });
    return p;
  });
}
