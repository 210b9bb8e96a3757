import "server-only";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { unseen } from "../write";

/** Ends every session of the user, on every device, from their next request on. */
export async function signOutEverywhere({ actor }: { actor: SessionUser }) {
  await db.user.update({ where: { id: actor.id }, data: { sessionVersion: { increment: 1 } } });
  return unseen({ userId: actor.id });
}
