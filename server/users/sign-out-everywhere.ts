import "server-only";
import type { SessionUser } from "../auth/session";
import { endSessionsOf } from "../auth/user-sessions";
import { db } from "../db";
import { unseen } from "../write";

/** Ends every session of the user, on every device (this one too), from their next request on. */
export async function signOutEverywhere({ actor }: { actor: SessionUser }) {
  await endSessionsOf(db, actor.id);
  return unseen({ userId: actor.id });
}
