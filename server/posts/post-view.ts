import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { isReplyType } from "@/lib/reply-types";
import type { AuthorView, PostView } from "@/lib/views";

export const authorSelect = {
  id: true,
  name: true,
  importKey: true,
  role: true,
  handle: true,
} satisfies Prisma.UserSelect;

/** Every read that shows an author carries their tag (read-model.ts): a role change touches it. */
export function toAuthorView(author: Prisma.UserGetPayload<{ select: typeof authorSelect }> | null): AuthorView {
  return author
    ? {
        id: author.id,
        name: author.name,
        imported: author.importKey !== null,
        role: author.role,
        handle: author.handle,
      }
    : null;
}

export const postViewSelect = {
  id: true,
  subheadingId: true,
  parentId: true,
  depth: true,
  title: true,
  bodyHtml: true,
  attributionNote: true,
  sourceUrl: true,
  createdAt: true,
  dateKnown: true,
  editedAt: true,
  replyCount: true,
  pinnedAt: true,
  hiddenAt: true,
  hiddenReason: true,
  deletedAt: true,
  movedFromSubheadingId: true,
  movedAt: true,
  replyType: true,
  agreeCount: true,
  disagreeCount: true,
  passCount: true,
  markCount: true,
  author: { select: authorSelect },
} satisfies Prisma.PostSelect;

type PostRow = Prisma.PostGetPayload<{ select: typeof postViewSelect }>;

/**
 * What an anonymous reader may see of a post: hidden and deleted posts keep their place in the
 * thread (their replies stay) but lose their content.
 */
export function toPostView(row: PostRow): PostView {
  const state = row.deletedAt ? "deleted" : row.hiddenAt ? "hidden" : "visible";
  const visible = state === "visible";
  return {
    id: row.id,
    subheadingId: row.subheadingId,
    parentId: row.parentId,
    depth: row.depth,
    title: visible ? row.title : null,
    bodyHtml: visible ? row.bodyHtml : null,
    author: visible ? toAuthorView(row.author) : null,
    attributionNote: visible ? row.attributionNote : null,
    sourceUrl: visible ? row.sourceUrl : null,
    createdAt: row.createdAt,
    dateKnown: row.dateKnown,
    editedAt: row.editedAt,
    replyCount: row.replyCount,
    pinned: row.pinnedAt !== null,
    state,
    hiddenReason: state === "hidden" ? row.hiddenReason : null,
    movedFromSubheadingId: row.movedFromSubheadingId,
    movedAt: row.movedAt,
    replyType: isReplyType(row.replyType) ? row.replyType : null,
    marks: visible
      ? { agree: row.agreeCount, disagree: row.disagreeCount, pass: row.passCount, total: row.markCount }
      : undefined,
  };
}

/** Top-level contributions in reading order; the keyset for pagination. */
export const contributionOrder = [{ createdAt: "asc" }, { id: "asc" }] satisfies Prisma.PostOrderByWithRelationInput[];
