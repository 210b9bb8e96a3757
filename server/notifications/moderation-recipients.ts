import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../db";
import { insertNotifications } from "../db-sql";

/** The moderators' actions a member is told about, and the kind of notification each makes. */
export const MODERATION_KINDS = {
  hide_post: "post_hidden",
  restore_post: "post_restored",
  move_post: "post_moved",
  suspend_user: "suspended",
  ban_user: "banned",
} as const;
export type ModerationNotifiedAction = keyof typeof MODERATION_KINDS;
export type ModerationNotificationKind = (typeof MODERATION_KINDS)[ModerationNotifiedAction];

export const isNotifiedModeration = (action: string): action is ModerationNotifiedAction => action in MODERATION_KINDS;

export const moderationDedupeKey = (moderationActionId: string) => `mod:${moderationActionId}`;

/**
 * Tells the member a moderator acted on: the author of the post hidden, restored or moved (with
 * the reason; for a move, the title of the subheading it went to), or the member suspended (until
 * when, and why) or banned (why). Not a moderator acting on their own post, nor an archive author.
 * `detail` holds what the sentence needs: the reason; for a move the destination's title; for a
 * suspension the end date (ISO) and the reason, separated by a space (see suspensionDetail).
 * Idempotent, like every notification. Resolves to the members newly notified.
 */
export async function notifyAboutModeration(moderationActionId: string): Promise<string[]> {
  const entry = await db.moderationAction.findUnique({ where: { id: moderationActionId } });
  if (!entry || !isNotifiedModeration(entry.action)) return [];
  const kind = MODERATION_KINDS[entry.action];

  const post = entry.postId
    ? await db.post.findUnique({
        where: { id: entry.postId },
        select: { authorId: true, debateId: true, subheadingId: true },
      })
    : null;
  const recipientId = kind === "suspended" || kind === "banned" ? entry.targetUserId : post?.authorId;
  if (!recipientId || recipientId === entry.actorId) return [];
  const recipient = await db.user.findUnique({ where: { id: recipientId }, select: { importKey: true } });
  if (!recipient || recipient.importKey) return [];

  let detail = entry.reason ?? null;
  if (kind === "post_moved" && entry.toSubheadingId) {
    const to = await db.subheading.findUnique({ where: { id: entry.toSubheadingId }, select: { title: true } });
    detail = to?.title ?? null;
  }
  if (kind === "suspended") {
    // The log records "until <ISO date>" (server/moderation/users.ts).
    const until = /^until (\S+)$/.exec(entry.detail ?? "")?.[1];
    detail = until ? suspensionDetail(new Date(until), entry.reason) : entry.reason;
  }
  return insertNotifications(db, [
    {
      id: randomUUID(),
      userId: recipientId,
      kind,
      dedupeKey: moderationDedupeKey(entry.id),
      postId: entry.postId,
      actorId: entry.actorId,
      debateId: post?.debateId ?? entry.debateId,
      subheadingId: post?.subheadingId ?? entry.subheadingId,
      detail,
      createdAt: new Date(),
    },
  ]);
}

/** A suspension's `detail`: when it ends, then why. */
export const suspensionDetail = (until: Date, reason: string | null) => `${until.toISOString()} ${reason ?? ""}`.trim();

/** The end and the reason of a suspension's `detail`; null parts when it holds something else. */
export function parseSuspensionDetail(detail: string | null): { until: Date | null; reason: string | null } {
  const match = /^(\d{4}-\d\d-\d\dT[\d:.]+Z)(?: ([\s\S]*))?$/.exec(detail ?? "");
  if (!match) return { until: null, reason: detail };
  return { until: new Date(match[1]!), reason: match[2] || null };
}
