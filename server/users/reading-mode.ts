import "server-only";
import { asReadingMode, type ReadingMode } from "@/lib/reading-mode";
import type { ReadingModeInput } from "@/lib/schemas/reading-mode";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { unseen } from "../write";

/** How the member last chose to read subheadings and threads (User.readingMode). */
export async function getReadingMode(userId: string): Promise<ReadingMode> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { readingMode: true } });
  return asReadingMode(user?.readingMode);
}

/**
 * Remembers the member's reading mode. Their own preference, shown on no cached page (the page
 * asks GET /api/me/reading-mode and moves to it), so it touches no tag; suspended members may choose too.
 */
export async function setReadingMode({ actor, mode }: ReadingModeInput & { actor: SessionUser }) {
  await db.user.updateMany({ where: { id: actor.id, readingMode: { not: mode } }, data: { readingMode: mode } });
  return unseen({ mode });
}
