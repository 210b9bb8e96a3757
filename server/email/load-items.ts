import "server-only";
import { debatePath, postPath } from "@/lib/paths";
import { excerptFromHtml } from "@/lib/text";
import { db } from "../db";
import { siteUrl } from "../http/site-url";
import { parseSuspensionDetail } from "../notifications/moderation-recipients";
import { isSynthesisKind, synthesisHref, synthesisNote } from "../notifications/synthesis-detail";
import type { MailItem } from "./messages";

/** The columns of a Notification an email is written from. */
export type NotificationRow = {
  id: string;
  kind: string;
  postId: string | null;
  actorId: string | null;
  debateId: string | null;
  subheadingId: string | null;
  detail: string | null;
};

export const notificationRowSelect = {
  id: true,
  kind: true,
  postId: true,
  actorId: true,
  debateId: true,
  subheadingId: true,
  detail: true,
} as const;

/** Kinds about someone else's post: mailed only while that post is there for everyone to read. */
const ABOUT_A_POST = new Set(["reply", "quote", "mention", "followed"]);

/**
 * What each notification's email says, in four queries for the whole batch. A notification about
 * a post that has since been hidden or deleted (or is gone) maps to null: it is not mailed.
 */
export async function loadMailItems(rows: NotificationRow[]): Promise<Map<string, MailItem | null>> {
  const ids = (pick: (row: NotificationRow) => string | null) => [
    ...new Set(rows.map(pick).filter((id): id is string => id !== null)),
  ];
  const [actors, posts, debates, subheadings] = await Promise.all([
    db.user.findMany({ where: { id: { in: ids((r) => r.actorId) } }, select: { id: true, name: true } }),
    db.post.findMany({
      where: { id: { in: ids((r) => r.postId) } },
      select: {
        id: true,
        bodyHtml: true,
        hiddenAt: true,
        deletedAt: true,
        debate: { select: { slug: true, title: true } },
        subheading: { select: { title: true } },
      },
    }),
    db.debate.findMany({
      where: { id: { in: ids((r) => r.debateId) } },
      select: { id: true, slug: true, title: true },
    }),
    db.subheading.findMany({
      where: { id: { in: ids((r) => r.subheadingId) } },
      select: { id: true, slug: true, title: true },
    }),
  ]);
  const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((item) => [item.id, item]));
  const [actor, post, debate, subheading] = [byId(actors), byId(posts), byId(debates), byId(subheadings)];

  const items = new Map<string, MailItem | null>();
  for (const row of rows) {
    const p = row.postId ? post.get(row.postId) : undefined;
    const visible = !!p && !p.hiddenAt && !p.deletedAt;
    if (ABOUT_A_POST.has(row.kind) && !visible) {
      items.set(row.id, null);
      continue;
    }
    const d = row.debateId ? debate.get(row.debateId) : undefined;
    const place = p?.debate ?? d ?? null;
    if (isSynthesisKind(row.kind)) {
      const sh = row.subheadingId ? subheading.get(row.subheadingId) : undefined;
      const href = d ? synthesisHref(row.kind, row.detail, d.slug, sh?.slug ?? null) : null;
      const note = synthesisNote(row.kind, row.detail);
      items.set(row.id, {
        kind: row.kind,
        actorName: row.actorId ? (actor.get(row.actorId)?.name ?? null) : null,
        debateTitle: d?.title ?? null,
        subheadingTitle: sh?.title ?? null,
        url: href ? siteUrl(href) : null,
        detail: note ? `Note: ${note}` : null,
        excerpt: null,
        synthesisDetail: row.detail,
      });
      continue;
    }
    items.set(row.id, {
      kind: row.kind,
      actorName: row.actorId ? (actor.get(row.actorId)?.name ?? null) : null,
      debateTitle: place?.title ?? null,
      subheadingTitle:
        p?.subheading.title ?? (row.subheadingId ? subheading.get(row.subheadingId)?.title : null) ?? null,
      url: p && place ? siteUrl(postPath(place.slug, p.id)) : place ? siteUrl(debatePath(place.slug)) : null,
      detail: detailOf(row),
      excerpt: visible && ABOUT_A_POST.has(row.kind) ? excerptFromHtml(p.bodyHtml, 300) : null,
    });
  }
  return items;
}

/** The line under the sentence: where a post went, or the moderator's reason (and a suspension's end). */
function detailOf(row: NotificationRow): string | null {
  if (!row.detail) return null;
  if (row.kind === "post_moved") return `Moved to “${row.detail}”.`;
  if (row.kind === "suspended") {
    const { until, reason } = parseSuspensionDetail(row.detail);
    return [until && `Until ${until.toUTCString()}.`, reason && `Reason: ${reason}`].filter(Boolean).join(" ") || null;
  }
  return row.kind.startsWith("post_") || row.kind === "banned" ? `Reason: ${row.detail}` : null;
}
