import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { db as appDb, type Db, type DbTx } from "../db";
import { env } from "../env";
import { appSharedCounts, RateLimit, type SharedCounts } from "../http/rate-limit";
import { PendingViews } from "./pending-views";

/** A visitor's views of one debate count once in this window. */
export const VIEW_WINDOW_SECONDS = 60 * 60;

/** Who is visiting: the signed-in member, else the client's address; null when neither is known. */
export type Visitor = { userId: string } | { address: string } | null;

export type ViewRecorder = {
  record(tx: DbTx, slug: string, visitor?: Visitor): Promise<boolean>;
  /** The views counted in Redis, on their way to the database; null without Redis. */
  pending: PendingViews | null;
};

/**
 * The view counter of one instance. Who has been counted, per debate, for the window, is kept in
 * `counted` (RateLimit): in Redis when there is one, shared by every instance; else in this
 * process's memory, exact with one server. Visitors are kept as keyed hashes, never as addresses
 * or ids. Without Redis the key is new with every process, so nothing links them across restarts.
 * With Redis every instance must hash a visitor alike: the key comes from NEXTAUTH_SECRET and the
 * day (UTC), so nothing links them across days either. The price: a visitor seen just before
 * midnight counts again just after.
 */
export function createViewRecorder({
  counts = appSharedCounts(),
  db = appDb,
  secret = env.NEXTAUTH_SECRET,
  flushEveryMs,
}: { counts?: SharedCounts | null; db?: Db; secret?: string; flushEveryMs?: number } = {}): ViewRecorder {
  const counted = new RateLimit("debate-view", { points: 1, seconds: VIEW_WINDOW_SECONDS }, counts);
  const pending = counts && new PendingViews(counts, db, flushEveryMs);
  const processSalt = randomBytes(32);

  function visitorKey(slug: string, visitor: NonNullable<Visitor>): string {
    // Without a secret (only outside server.mjs, which requires one) instances cannot agree on a
    // key: each then recognizes only the visitors it has seen itself.
    const salt = counts && secret ? daySalt(secret) : processSalt;
    const who = "userId" in visitor ? `user:${visitor.userId}` : `address:${visitor.address}`;
    return createHmac("sha256", salt).update(`${slug}\n${who}`).digest("base64url");
  }

  async function recordHere(tx: DbTx, slug: string, visitor: Visitor): Promise<boolean> {
    const key = visitor ? visitorKey(slug, visitor) : null;
    if (key && (await counted.consume(key)) !== null) return true;
    const { count } = await tx.debate.updateMany({ where: { slug }, data: { viewCount: { increment: 1 } } });
    // An unknown debate keeps no memory: made-up slugs cannot fill it.
    if (count === 0 && key) await counted.reset(key);
    return count > 0;
  }

  async function recordShared(tx: DbTx, pending: PendingViews, slug: string, visitor: Visitor): Promise<boolean> {
    // Looked up first, so that a made-up slug leaves nothing in Redis, not even for a moment.
    const debate = await tx.debate.findUnique({ where: { slug }, select: { id: true } });
    if (!debate) return false;
    const key = visitor ? visitorKey(slug, visitor) : null;
    if (key && (await counted.consume(key)) !== null) return true;
    // Redis down: this view is written at once, as a single server does; the flush adds the rest.
    if (!(await pending.add(debate.id)))
      await tx.debate.updateMany({ where: { id: debate.id }, data: { viewCount: { increment: 1 } } });
    return true;
  }

  return {
    pending,
    record: (tx, slug, visitor = null) =>
      pending ? recordShared(tx, pending, slug, visitor) : recordHere(tx, slug, visitor),
  };
}

/** The same on every instance, and new every day (UTC). */
function daySalt(secret: string): Buffer {
  return createHmac("sha256", secret)
    .update(`debate-views:${new Date().toISOString().slice(0, 10)}`)
    .digest();
}

// One recorder per process; kept across hot reloads in development, or every reload would add a
// flush timer and exit hooks.
const globalForViews = globalThis as { debateViews?: ViewRecorder };
const views = globalForViews.debateViews ?? createViewRecorder();
if (env.NODE_ENV === "development") globalForViews.debateViews = views;

/**
 * Counts a view of a debate, once per visitor in VIEW_WINDOW_SECONDS: a visitor seen already in the
 * window is not counted again. With no visitor known (no client address: unit tests, a server run
 * without server.mjs) every call counts. False when there is no such debate. With Redis the view
 * reaches the database with the next flush (PendingViews), within seconds; without, at once.
 */
export function recordDebateView(tx: DbTx, slug: string, visitor: Visitor = null): Promise<boolean> {
  return views.record(tx, slug, visitor);
}
