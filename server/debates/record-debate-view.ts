import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import type { DbTx } from "../db";
import { RateLimit } from "../http/rate-limit";

/** A visitor's views of one debate count once in this window. */
export const VIEW_WINDOW_SECONDS = 60 * 60;

// Who has been counted, per debate, for the window: in this process's memory (exact with one
// server; per instance with several, until a shared store backs RateLimit). Visitors are kept as
// keyed hashes, never as addresses or ids; the key is new with every process, so nothing links
// them across restarts.
const counted = new RateLimit("debate-view", { points: 1, seconds: VIEW_WINDOW_SECONDS });
const salt = randomBytes(32);

/** Who is visiting: the signed-in member, else the client's address; null when neither is known. */
export type Visitor = { userId: string } | { address: string } | null;

function visitorKey(slug: string, visitor: NonNullable<Visitor>): string {
  const who = "userId" in visitor ? `user:${visitor.userId}` : `address:${visitor.address}`;
  return createHmac("sha256", salt).update(`${slug}\n${who}`).digest("base64url");
}

/**
 * Counts a view of a debate, once per visitor in VIEW_WINDOW_SECONDS: a visitor seen already in the
 * window is not counted again. With no visitor known (no client address: unit tests, a server run
 * without server.mjs) every call counts. False when there is no such debate.
 */
export async function recordDebateView(tx: DbTx, slug: string, visitor: Visitor = null): Promise<boolean> {
  const key = visitor ? visitorKey(slug, visitor) : null;
  if (key && (await counted.consume(key)) !== null) return true;
  const { count } = await tx.debate.updateMany({ where: { slug }, data: { viewCount: { increment: 1 } } });
  // An unknown debate keeps no memory: made-up slugs cannot fill it.
  if (count === 0 && key) await counted.reset(key);
  return count > 0;
}
