import "server-only";
import { z } from "@/lib/schemas/zod";
import { excerptFromHtml } from "@/lib/text";
import type { PostView } from "@/lib/views";
import { db } from "../db";
import { newPostIds, type NewPostCursor } from "../db-sql";
import { authorSelect, postViewSelect, toAuthorView, toPostView } from "../posts/post-view";
import { unreadBaseline } from "./baseline";

/** Posts per page of the catch-up list. */
export const CATCH_UP_PAGE = 50;

/** The post a new one answers, as a one-line quote (what the reader needs to place the reply). */
export type AnsweredPost = { id: string; authorName: string | null; excerpt: string | null; state: PostView["state"] };
export type CatchUpPost = PostView & { answers: AnsweredPost | null };
export type CatchUpGroup = { subheading: { id: string; slug: string; title: string }; posts: CatchUpPost[] };
export type CatchUpPage = {
  debate: { id: string; slug: string; title: string };
  groups: CatchUpGroup[];
  /** The next page, or null on the last. */
  nextCursor: string | null;
};

const cursorSchema = z.object({
  p: z.number().int(),
  s: z.string().min(1).max(64),
  t: z.iso.datetime(),
  i: z.string().min(1).max(64),
});

export function encodeCatchUpCursor(c: NewPostCursor): string {
  const json = JSON.stringify({ p: c.position, s: c.subheadingId, t: c.createdAt.toISOString(), i: c.id });
  return Buffer.from(json, "utf8").toString("base64url");
}

/** Null for anything that is not a cursor we wrote (the page then starts from the beginning). */
export function decodeCatchUpCursor(raw: string | null | undefined): NewPostCursor | null {
  if (!raw || raw.length > 400) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    if (!parsed.success) return null;
    const { p, s, t, i } = parsed.data;
    return { position: p, subheadingId: s, createdAt: new Date(t), id: i };
  } catch {
    return null;
  }
}

/**
 * The catch-up page: the posts of a debate that are new to a member (see baseline.ts), grouped by
 * subheading in outline order, oldest first within each, `CATCH_UP_PAGE` at a time, each with the
 * post it answers. Null when there is no such debate.
 */
export async function listNewPosts({
  member,
  debateSlug,
  cursor,
  take = CATCH_UP_PAGE,
}: {
  member: { id: string; createdAt: Date };
  debateSlug: string;
  cursor: NewPostCursor | null;
  take?: number;
}): Promise<CatchUpPage | null> {
  const debate = await db.debate.findUnique({
    where: { slug: debateSlug },
    select: { id: true, slug: true, title: true },
  });
  if (!debate) return null;
  const ids = await newPostIds(db, {
    userId: member.id,
    baseline: unreadBaseline(member),
    debateId: debate.id,
    after: cursor,
    take: take + 1,
  });
  const pageIds = ids.slice(0, take);
  const rows = await db.post.findMany({
    where: { id: { in: pageIds } },
    select: {
      ...postViewSelect,
      subheading: { select: { id: true, slug: true, title: true, position: true } },
      parent: {
        select: { id: true, bodyHtml: true, hiddenAt: true, deletedAt: true, author: { select: authorSelect } },
      },
    },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const groups: CatchUpGroup[] = [];
  for (const id of pageIds) {
    const row = byId.get(id);
    if (!row) continue; // deleted in between: gone from the list
    const { subheading, parent, ...post } = row;
    let group = groups.at(-1);
    if (group?.subheading.id !== subheading.id) {
      group = { subheading: { id: subheading.id, slug: subheading.slug, title: subheading.title }, posts: [] };
      groups.push(group);
    }
    group.posts.push({ ...toPostView(post), answers: parent && answered(parent) });
  }
  const last = byId.get(pageIds.at(-1) ?? "");
  const nextCursor =
    ids.length > take && last
      ? encodeCatchUpCursor({
          position: last.subheading.position,
          subheadingId: last.subheading.id,
          createdAt: last.createdAt,
          id: last.id,
        })
      : null;
  return { debate, groups, nextCursor };
}

function answered(parent: {
  id: string;
  bodyHtml: string;
  hiddenAt: Date | null;
  deletedAt: Date | null;
  author: Parameters<typeof toAuthorView>[0];
}): AnsweredPost {
  const state = parent.deletedAt ? "deleted" : parent.hiddenAt ? "hidden" : "visible";
  const visible = state === "visible";
  return {
    id: parent.id,
    state,
    authorName: visible ? (toAuthorView(parent.author)?.name ?? null) : null,
    excerpt: visible ? excerptFromHtml(parent.bodyHtml, 140) || null : null,
  };
}
