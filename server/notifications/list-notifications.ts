import "server-only";
import { decodeCursor, encodeCursor } from "@/lib/cursor";
import { postPath } from "@/lib/paths";
import { because } from "@/lib/permissions";
import { excerptFromHtml } from "@/lib/text";
import { formatUtc } from "@/lib/utc-format";
import { db } from "../db";
import { parseSuspensionDetail } from "./moderation-recipients";
import { describeSynthesis, isSynthesisKind, synthesisHref, synthesisNote } from "./synthesis-detail";

export const NOTIFICATIONS_PAGE = 20;
/** The bell shows "99+" past this: the count stops there (bounded). */
export const UNREAD_CAP = 99;

/** One notification as its recipient sees it: a sentence, and where it leads. */
export type NotificationView = {
  id: string;
  kind: string;
  read: boolean;
  createdAt: Date;
  /** What happened, in a sentence. */
  sentence: string;
  /** The post's permalink (for a synthesis: its version in the history, or the proposal); null when the post no longer exists. */
  href: string | null;
  /** A few words of the post (for a synthesis: the editor's or decider's note); null when it has since been hidden or deleted (or there is none). */
  excerpt: string | null;
  /** The post was hidden or deleted since: shown without its content. */
  removed: boolean;
};

/** How many unread notifications a member has, up to UNREAD_CAP + 1 (one indexed, bounded count). */
export async function unreadNotificationCount(userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null }, take: UNREAD_CAP + 1 });
}

/**
 * A member's notifications, newest first, NOTIFICATIONS_PAGE at a time after `cursor` (keyset on
 * createdAt, id). Only ever their own: the query is scoped to them.
 */
export async function listNotifications(
  userId: string,
  cursor: string | null,
): Promise<{ items: NotificationView[]; nextCursor: string | null }> {
  const after = decodeCursor(cursor);
  const rows = await db.notification.findMany({
    where: {
      userId,
      ...(after && {
        OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }],
      }),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: NOTIFICATIONS_PAGE + 1,
    select: {
      id: true,
      kind: true,
      postId: true,
      actorId: true,
      debateId: true,
      subheadingId: true,
      detail: true,
      readAt: true,
      createdAt: true,
    },
  });
  const page = rows.slice(0, NOTIFICATIONS_PAGE);
  const postIds = [...new Set(page.flatMap((n) => (n.postId ? [n.postId] : [])))];
  const actorIds = [...new Set(page.flatMap((n) => (n.actorId ? [n.actorId] : [])))];
  const aboutSyntheses = page.filter((n) => isSynthesisKind(n.kind));
  const debateIds = [...new Set(aboutSyntheses.flatMap((n) => (n.debateId ? [n.debateId] : [])))];
  const subheadingIds = [...new Set(aboutSyntheses.flatMap((n) => (n.subheadingId ? [n.subheadingId] : [])))];
  const [posts, actors, debates, subheadings] = await Promise.all([
    postIds.length
      ? db.post.findMany({
          where: { id: { in: postIds } },
          select: {
            id: true,
            parentId: true,
            bodyHtml: true,
            hiddenAt: true,
            deletedAt: true,
            debate: { select: { slug: true } },
            subheading: { select: { title: true } },
          },
        })
      : [],
    actorIds.length ? db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }) : [],
    debateIds.length
      ? db.debate.findMany({ where: { id: { in: debateIds } }, select: { id: true, slug: true, title: true } })
      : [],
    subheadingIds.length
      ? db.subheading.findMany({ where: { id: { in: subheadingIds } }, select: { id: true, slug: true, title: true } })
      : [],
  ]);
  const postById = new Map(posts.map((p) => [p.id, p]));
  const nameById = new Map(actors.map((a) => [a.id, a.name]));
  const debateById = new Map(debates.map((d) => [d.id, d]));
  const subheadingById = new Map(subheadings.map((sh) => [sh.id, sh]));

  const items = page.map((n): NotificationView => {
    const actorName = (n.actorId && nameById.get(n.actorId)) || null;
    if (isSynthesisKind(n.kind)) {
      const debate = n.debateId ? debateById.get(n.debateId) : undefined;
      const subheading = n.subheadingId ? subheadingById.get(n.subheadingId) : undefined;
      const title = subheading?.title ?? debate?.title;
      return {
        id: n.id,
        kind: n.kind,
        read: n.readAt !== null,
        createdAt: n.createdAt,
        sentence: `${describeSynthesis(n.kind, actorName ?? "Someone", title ? `“${title}”` : "a debate", n.detail)}.`,
        href: debate ? synthesisHref(n.kind, n.detail, debate.slug, subheading?.slug ?? null) : null,
        excerpt: synthesisNote(n.kind, n.detail),
        removed: false,
      };
    }
    const post = n.postId ? postById.get(n.postId) : undefined;
    const removed = !!post && (!!post.hiddenAt || !!post.deletedAt);
    return {
      id: n.id,
      kind: n.kind,
      read: n.readAt !== null,
      createdAt: n.createdAt,
      sentence: describeNotification({
        kind: n.kind,
        actorName,
        place: post?.subheading.title ?? null,
        reply: !!post?.parentId,
        detail: n.detail,
      }),
      href: post ? postPath(post.debate.slug, post.id) : null,
      excerpt: post && !removed ? excerptFromHtml(post.bodyHtml, 160) || null : null,
      removed,
    };
  });
  const last = page.at(-1);
  return { items, nextCursor: rows.length > NOTIFICATIONS_PAGE && last ? encodeCursor(last) : null };
}

const quoted = (title: string | null) => (title ? ` in “${title}”` : "");

/** What happened, in a sentence for the member notified. */
export function describeNotification({
  kind,
  actorName,
  place,
  reply,
  detail,
}: {
  kind: string;
  actorName: string | null;
  place: string | null;
  reply: boolean;
  detail: string | null;
}): string {
  const who = actorName ?? "Someone";
  const why = detail ? `: ${detail}` : ".";
  switch (kind) {
    case "reply":
      return `${who} replied to your post${quoted(place)}`;
    case "quote":
      return `${who} quoted you${quoted(place)}`;
    case "mention":
      return `${who} mentioned you${quoted(place)}`;
    case "followed":
      return reply
        ? `${who} replied in a thread you follow${quoted(place)}`
        : `${who} added a contribution${quoted(place)}`;
    case "post_hidden":
      return `A moderator hid your post${why}`;
    case "post_restored":
      return `A moderator restored your post${why}`;
    case "post_moved":
      return detail ? `Your post was moved to “${detail}”` : "Your post was moved.";
    case "suspended": {
      const { until, reason } = parseSuspensionDetail(detail);
      const when = until ? ` until ${formatUtc(until)}` : "";
      return `A moderator suspended your account${when}${because(reason)}`;
    }
    case "banned":
      return `A moderator banned your account${because(detail)}`;
    default:
      return "Something happened.";
  }
}
