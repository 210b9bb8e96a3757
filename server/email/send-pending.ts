import "server-only";
import type { Transporter } from "nodemailer";
import { accountPath, notificationsPath, unsubscribeApi, unsubscribePath } from "@/lib/paths";
import { db } from "../db";
import { PROPOSAL_DECIDED } from "../notifications/synthesis-detail";
import { siteUrl } from "../http/site-url";
import { loadMailItems, notificationRowSelect, type NotificationRow } from "./load-items";
import { digestEmail, notificationEmail, type Email, type EmailLinks, type MailItem } from "./messages";
import { mailFrom, mailTransport } from "./transport";
import { unsubscribeToken } from "./unsubscribe-token";

/**
 * Kinds mailed one by one to members who chose "each": about them, or a moderator acting on what is
 * theirs (a post, their account, a proposed edit of a synthesis). News of what they follow waits
 * for the digest.
 */
export const EACH_KINDS = [
  "reply",
  "quote",
  "mention",
  "post_hidden",
  "post_restored",
  "post_moved",
  "suspended",
  PROPOSAL_DECIDED.accepted,
  PROPOSAL_DECIDED.rejected,
];
/** An "each" notification older than this is not mailed any more (the mail server was down a day). */
export const EACH_MAX_AGE_MS = 24 * 3600_000;
/** How often a digest goes out, at most. */
export const DIGEST_INTERVAL_MS = 24 * 3600_000;
/** Notifications a digest lists; the rest are "and N more". */
export const DIGEST_ITEMS = 20;
/** Bounds on one run: emails of each kind, per batch and in all (the next run takes the rest). */
const BATCH = 50;
const MAX_PER_RUN = 500;

export type SendResult = { sent: number; digests: number };
type Options = {
  /** Tests pass a transport of their own; by default the app's (none without SMTP_URL). */
  transport?: Transporter | null;
  now?: Date;
  /** Only these members' "each" notifications, and no digests (right after notifying them). */
  userIds?: string[];
};

const recipientWhere = { bannedAt: null, email: { not: null }, importKey: null } as const;

/**
 * Sends what is owed: an email per new notification to members who chose "each", and the daily
 * digest to those who chose "digest". Each email is claimed before it is sent by a conditional
 * UPDATE (a notification's `emailedAt`, a member's `digestSentAt`), so two runs, in one process or
 * in several instances, never send one twice. At most once: a send that fails for a reason that
 * may pass (no answer, a 4xx) gives its claim back for the next run; a refusal (5xx) does not.
 * Never throws: a failure is logged and the next run tries again.
 */
export async function sendPendingEmails(options: Options = {}): Promise<SendResult> {
  const transport = options.transport === undefined ? mailTransport() : options.transport;
  if (!transport) return { sent: 0, digests: 0 };
  if (options.transport === undefined) ensureEmailSweep();
  const now = options.now ?? new Date();
  try {
    const sent = await sendEach(transport, now, options.userIds);
    const digests = options.userIds ? 0 : await sendDigests(transport, now);
    return { sent, digests };
  } catch (error) {
    console.error("[email] sending failed:", error);
    return { sent: 0, digests: 0 };
  }
}

function linksFor(userId: string): EmailLinks & { oneClickUrl: string } {
  const token = unsubscribeToken(userId);
  return {
    unsubscribeUrl: siteUrl(unsubscribePath(token)),
    oneClickUrl: siteUrl(unsubscribeApi(token)),
    settingsUrl: siteUrl(accountPath()),
    notificationsUrl: siteUrl(notificationsPath()),
  };
}

async function deliver(transport: Transporter, to: string, email: Email, links: ReturnType<typeof linksFor>) {
  await transport.sendMail({
    from: mailFrom(),
    to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    headers: {
      // RFC 8058: a mail client may unsubscribe with one POST to this address, without a visit.
      "List-Unsubscribe": `<${links.oneClickUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      // RFC 3834: sent by a program, so out-of-office replies stay away.
      "Auto-Submitted": "auto-generated",
    },
  });
}

/** A failure that may pass: worth giving the claim back. A 5xx answer (a refused address) is final. */
function mayPass(error: unknown): boolean {
  const { responseCode, code } = error as { responseCode?: unknown; code?: unknown };
  if (typeof responseCode === "number") return responseCode < 500;
  // No server answer: an address or message nodemailer itself refuses will not improve by waiting;
  // a connection that failed may.
  return code !== "EENVELOPE" && code !== "EMESSAGE";
}

async function sendEach(transport: Transporter, now: Date, userIds: string[] | undefined): Promise<number> {
  let sent = 0;
  let after: { createdAt: Date; id: string } | null = null;
  for (let batches = 0; batches < MAX_PER_RUN / BATCH; batches++) {
    const rows: (NotificationRow & { createdAt: Date; user: { id: string; email: string | null } })[] =
      await db.notification.findMany({
        where: {
          emailedAt: null,
          kind: { in: EACH_KINDS },
          createdAt: { gte: new Date(now.getTime() - EACH_MAX_AGE_MS), lte: now },
          ...(userIds && { userId: { in: userIds } }),
          user: { emailPreference: "each", ...recipientWhere },
          ...(after && {
            OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }],
          }),
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: BATCH,
        select: { ...notificationRowSelect, createdAt: true, user: { select: { id: true, email: true } } },
      });
    if (rows.length === 0) break;
    after = rows.at(-1)!;
    const items = await loadMailItems(rows);
    for (const row of rows) {
      // The claim: only the run whose UPDATE moved emailedAt from null sends this one.
      const claimed = await db.notification.updateMany({
        where: { id: row.id, emailedAt: null },
        data: { emailedAt: now },
      });
      const item = items.get(row.id);
      if (claimed.count === 0 || !item || !row.user.email) continue;
      const links = linksFor(row.user.id);
      try {
        await deliver(transport, row.user.email, notificationEmail(item, links), links);
        sent++;
      } catch (error) {
        console.error(`[email] notification ${row.id} not sent:`, error instanceof Error ? error.message : error);
        if (mayPass(error)) {
          await db.notification.updateMany({ where: { id: row.id, emailedAt: now }, data: { emailedAt: null } });
        }
      }
    }
    if (rows.length < BATCH) break;
  }
  return sent;
}

async function sendDigests(transport: Transporter, now: Date): Promise<number> {
  const due = new Date(now.getTime() - DIGEST_INTERVAL_MS);
  let sent = 0;
  let afterId = "";
  for (let looked = 0; looked < MAX_PER_RUN;) {
    const members = await db.user.findMany({
      where: {
        emailPreference: "digest",
        ...recipientWhere,
        OR: [{ digestSentAt: null }, { digestSentAt: { lte: due } }],
        id: { gt: afterId },
      },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, email: true, digestSentAt: true },
    });
    if (members.length === 0) break;
    looked += members.length;
    afterId = members.at(-1)!.id;
    for (const member of members) if (await sendDigest(transport, member, now)) sent++;
    if (members.length < BATCH) break;
  }
  return sent;
}

/**
 * One member's digest: claimed by moving digestSentAt from the value read to now (one run wins),
 * then the unread notifications since the last digest, newest first; nothing is sent when there
 * are none (the next digest still starts from now: nothing was missed).
 */
async function sendDigest(
  transport: Transporter,
  member: { id: string; email: string | null; digestSentAt: Date | null },
  now: Date,
): Promise<boolean> {
  const claimed = await db.user.updateMany({
    where: { id: member.id, emailPreference: "digest", digestSentAt: member.digestSentAt },
    data: { digestSentAt: now },
  });
  if (claimed.count === 0 || !member.email) return false;
  const since = member.digestSentAt ?? new Date(now.getTime() - DIGEST_INTERVAL_MS);
  const window = { userId: member.id, readAt: null, createdAt: { gt: since, lte: now } };
  const rows = await db.notification.findMany({
    where: window,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    // More than shown: those about posts since hidden are left out.
    take: DIGEST_ITEMS * 2,
    select: notificationRowSelect,
  });
  const loaded = await loadMailItems(rows);
  const items = rows.map((r) => loaded.get(r.id)).filter((item): item is MailItem => !!item);
  if (items.length === 0) return false;
  const total = Math.max(items.length, await db.notification.count({ where: window }));
  const links = linksFor(member.id);
  try {
    await deliver(transport, member.email, digestEmail(items.slice(0, DIGEST_ITEMS), total, links), links);
  } catch (error) {
    console.error(`[email] digest to ${member.id} not sent:`, error instanceof Error ? error.message : error);
    if (mayPass(error)) {
      await db.user.updateMany({
        where: { id: member.id, digestSentAt: now },
        data: { digestSentAt: member.digestSentAt },
      });
    }
    return false;
  }
  // Marked as mailed (in this digest), for whoever reads the table.
  await db.notification.updateMany({ where: { ...window, emailedAt: null }, data: { emailedAt: now } });
  return true;
}

// The periodic run, per server process, like the notification sweep (server/notifications/sweep.ts):
// started lazily (by the first send, or ensureEmailSweep from a route every signed-in page calls),
// unref'd, and stopped on SIGTERM/SIGINT after the run in flight.

/** How often each process looks for email owed. */
export const EMAIL_SWEEP_INTERVAL_MS = 60_000;
const EXIT_SIGNALS = ["SIGTERM", "SIGINT"] as const;
let timer: NodeJS.Timeout | null = null;
let running: Promise<unknown> | null = null;

/**
 * Sends soon, in the background, what is owed to these members (all members: no argument): for
 * the notification step to call once it has written their notifications. Returns at once and never
 * throws; the periodic run catches anything this misses.
 */
export function wakeEmailSender(userIds?: string[]): void {
  if (!mailTransport()) return;
  setImmediate(() => void sendPendingEmails(userIds ? { userIds } : {}));
}

/** Starts this process's periodic sending, once; does nothing when the site sends no email. */
export function ensureEmailSweep(intervalMs = EMAIL_SWEEP_INTERVAL_MS): void {
  if (timer || !mailTransport()) return;
  timer = setInterval(tick, intervalMs).unref();
  for (const signal of EXIT_SIGNALS) process.once(signal, onExit);
  setImmediate(tick);
}

function tick() {
  running ??= sendPendingEmails().finally(() => (running = null));
}

/** Stops the periodic sending (tests; shutdown). */
export function stopEmailSweep(): void {
  if (timer) clearInterval(timer);
  timer = null;
  for (const signal of EXIT_SIGNALS) process.off(signal, onExit);
}

// The run in flight finishes (its claims are then kept or given back); when nothing else handles
// the signal, the process then exits as the signal would have (server.mjs handles it).
function onExit(signal: NodeJS.Signals) {
  stopEmailSweep();
  void Promise.resolve(running).finally(() => {
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  });
}
