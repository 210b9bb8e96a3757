import "server-only";
import { asPostSort, type PostSort } from "@/lib/post-sort";
import type { PostSortInput } from "@/lib/schemas/post-sort";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { unseen } from "../write";

/** The order the member last chose for a subheading's contributions (User.postSort). */
export async function getPostSort(userId: string): Promise<PostSort> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { postSort: true } });
  return asPostSort(user?.postSort);
}

/**
 * Remembers the member's choice of order. Their own preference, shown on no cached page (the page
 * asks GET /api/me/post-sort and moves to it), so it touches no tag; suspended members may choose too.
 */
export async function setPostSort({ actor, sort }: PostSortInput & { actor: SessionUser }) {
  await db.user.updateMany({ where: { id: actor.id, postSort: { not: sort } }, data: { postSort: sort } });
  return unseen({ sort });
}
