import "server-only";
import type { DbTx } from "../db";

/** Counts one view of a debate. False when there is no such debate. */
export async function recordDebateView(tx: DbTx, slug: string): Promise<boolean> {
  const { count } = await tx.debate.updateMany({ where: { slug }, data: { viewCount: { increment: 1 } } });
  return count > 0;
}
