import "server-only";
import { db, type DbTx } from "../db";
import { wakeEmailSender } from "../email/send-pending";
import { publishLive } from "../live/publish";
import type { Write } from "../write";
import { notifyAboutModeration } from "./moderation-recipients";
import { notifyAboutPost } from "./post-recipients";
import { notifyAboutProposalDecision, notifyAboutSynthesisVersion } from "./synthesis-recipients";

/**
 * What a job names: a new post ("post", its id), a moderator's action ("moderation", the
 * ModerationAction's id), a synthesis's new version ("synthesis", the SynthesisVersion's id: each
 * change of a synthesis is one), a proposed edit decided ("synthesis_proposal", its id: decided once).
 */
export type NotificationJobKind = "post" | "moderation" | "synthesis" | "synthesis_proposal";

/** Who each kind of job tells; it resolves to the members newly notified. */
const RECIPIENTS: Record<NotificationJobKind, (subjectId: string) => Promise<string[]>> = {
  post: (id) => notifyAboutPost(id),
  moderation: (id) => notifyAboutModeration(id),
  synthesis: (id) => notifyAboutSynthesisVersion(id),
  synthesis_proposal: (id) => notifyAboutProposalDecision(id),
};

/** A job that failed this many times is left alone, its last error kept for an operator. */
export const MAX_ATTEMPTS = 5;
/** The sweep takes jobs at least this old: younger ones are their own write's after-hook's to do. */
export const SWEEP_MIN_AGE_MS = 60_000;
/** Jobs processed per sweep (the next sweep takes the rest). */
const SWEEP_BATCH = 50;

/**
 * Records, inside the write that owes them, that notifications are owed: the durable half (see
 * NotificationJobKind for what each kind names).
 */
export async function enqueueNotificationJob(tx: DbTx, kind: NotificationJobKind, subjectId: string): Promise<string> {
  const job = await tx.notificationJob.create({ data: { kind, subjectId }, select: { id: true } });
  return job.id;
}

/** Jobs this process started after a write and has not finished: see notificationsSettled(). */
const inFlight = new Set<Promise<unknown>>();

/**
 * Enqueues the job in the write's transaction and starts processing it once the write has committed
 * and its tags are invalidated (the action guard runs `after`). The writer does not wait for it: a
 * post in a place with thousands of followers must not hold its author's answer for as long as
 * notifying them takes. If it never finishes (a crash, a failure), the sweep does it later; either
 * way the write itself is saved.
 */
export async function notifyAfterCommit(w: Write, kind: NotificationJobKind, subjectId: string): Promise<void> {
  const jobId = await enqueueNotificationJob(w.tx, kind, subjectId);
  w.after(() => {
    const run = processNotificationJobs({ jobIds: [jobId] }).catch((error: unknown) => {
      console.error(`[notifications] job ${jobId} could not be processed (the sweep will retry):`, error);
    });
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
  });
}

/** Resolves once every job this process started after a write has finished (tests, shutdown). */
export async function notificationsSettled(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

/** What follows the rows being written (tests replace it to make it fail). */
export const notificationHooks = {
  /** Per member newly notified: their open pages' bell (live), then their email. Never loses a row. */
  async delivered(userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    await Promise.all(userIds.map((userId) => publishLive({ type: "notification", userId })));
    // Their emails (members who chose one per notification), sent in the background when SMTP_URL is set.
    wakeEmailSender(userIds);
  },
};

type Claimable = { id: string; kind: string; subjectId: string; attempts: number };

/**
 * Processes notification jobs: those named (a write's after-hook), or else the unprocessed ones at
 * least SWEEP_MIN_AGE_MS old that have not failed MAX_ATTEMPTS times (the sweep). Each job is
 * claimed first by moving its attempt count from the value read (one claimer wins when two
 * instances, or the sweep and an after-hook, reach it at once); its notifications are written with
 * ON CONFLICT DO NOTHING on (member, dedupe key), so even a job run again after a crash between
 * writing and marking notifies nobody twice. A failure is recorded on the job (attempts,
 * lastError) and never thrown. Resolves to the number of jobs processed.
 */
export async function processNotificationJobs({
  jobIds,
  minAgeMs = SWEEP_MIN_AGE_MS,
}: { jobIds?: string[]; minAgeMs?: number } = {}): Promise<number> {
  const jobs: Claimable[] = await db.notificationJob.findMany({
    where: {
      processedAt: null,
      attempts: { lt: MAX_ATTEMPTS },
      ...(jobIds ? { id: { in: jobIds } } : { createdAt: { lte: new Date(Date.now() - minAgeMs) } }),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: jobIds ? jobIds.length : SWEEP_BATCH,
    select: { id: true, kind: true, subjectId: true, attempts: true },
  });
  let done = 0;
  for (const job of jobs) if (await processJob(job)) done++;
  return done;
}

async function processJob(job: Claimable): Promise<boolean> {
  const claimed = await db.notificationJob.updateMany({
    where: { id: job.id, processedAt: null, attempts: job.attempts },
    data: { attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return false;
  let notified: string[];
  try {
    const recipients = Object.hasOwn(RECIPIENTS, job.kind) ? RECIPIENTS[job.kind as NotificationJobKind] : null;
    notified = recipients ? await recipients(job.subjectId) : [];
    await db.notificationJob.update({ where: { id: job.id }, data: { processedAt: new Date(), lastError: null } });
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    console.error(`[notifications] job ${job.id} (${job.kind} ${job.subjectId}) failed:`, message);
    await db.notificationJob
      .update({ where: { id: job.id }, data: { lastError: message.slice(0, 1000) } })
      .catch(() => undefined);
    return false;
  }
  // The rows are written: what follows only hurries the news along, and may fail alone.
  await notificationHooks.delivered(notified).catch((error: unknown) => {
    console.error("[notifications] delivery failed (the notifications are saved):", error);
  });
  return true;
}
