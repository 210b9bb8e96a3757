import "server-only";
import type { Role } from "@/generated/prisma/enums";
import { encodeCursor, type Cursor } from "@/lib/cursor";
import { isValidHandle, normalizeHandle } from "@/lib/handle";
import { excerptFromHtml } from "@/lib/text";
import type { DbTx } from "../db";

/** Posts on one page of a profile. */
export const PROFILE_PAGE = 20;

/** One of a member's posts as their profile lists it: where it is, and a few words of it. */
export type ProfilePost = {
  id: string;
  isReply: boolean;
  title: string | null;
  excerpt: string;
  createdAt: Date;
  dateKnown: boolean;
  debate: { id: string; slug: string; title: string };
  subheading: { slug: string; title: string };
};

export type Profile = {
  person: {
    id: string;
    name: string;
    handle: string;
    role: Role;
    /** Imported from an archive: no account, no joined date. */
    imported: boolean;
    joinedAt: Date;
    bioHtml: string | null;
    contributionCount: number;
    replyCount: number;
  };
  posts: ProfilePost[];
  /** Cursor for the page of older posts, or null on the last one. */
  nextCursor: string | null;
};

// Only what every reader may see: hidden and deleted posts are neither listed nor counted.
const shown = { hiddenAt: null, deletedAt: null } as const;

/**
 * A member's (or an archive author's) profile: who they are, their counts, and one page of their
 * contributions and replies, newest first, keyset-paged on (createdAt, id) over the
 * (authorId, createdAt) index. Null for a handle nobody has.
 */
export async function getProfile(tx: DbTx, rawHandle: string, before: Cursor | null): Promise<Profile | null> {
  const handle = normalizeHandle(rawHandle);
  if (!isValidHandle(handle) || handle !== rawHandle) return null;
  const user = await tx.user.findUnique({
    where: { handle },
    select: { id: true, name: true, handle: true, role: true, importKey: true, createdAt: true, bioHtml: true },
  });
  if (!user) return null;
  const [contributionCount, replyCount, rows] = await Promise.all([
    tx.post.count({ where: { authorId: user.id, parentId: null, ...shown } }),
    tx.post.count({ where: { authorId: user.id, parentId: { not: null }, ...shown } }),
    tx.post.findMany({
      where: {
        authorId: user.id,
        ...shown,
        ...(before && {
          OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, id: { lt: before.id } }],
        }),
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: PROFILE_PAGE + 1,
      select: {
        id: true,
        parentId: true,
        title: true,
        bodyHtml: true,
        createdAt: true,
        dateKnown: true,
        debate: { select: { id: true, slug: true, title: true } },
        subheading: { select: { slug: true, title: true } },
      },
    }),
  ]);
  const page = rows.slice(0, PROFILE_PAGE);
  const last = page.at(-1);
  return {
    person: {
      id: user.id,
      name: user.name,
      handle: user.handle!,
      role: user.role,
      imported: user.importKey !== null,
      joinedAt: user.createdAt,
      bioHtml: user.bioHtml,
      contributionCount,
      replyCount,
    },
    posts: page.map((p) => ({
      id: p.id,
      isReply: p.parentId !== null,
      title: p.title,
      excerpt: excerptFromHtml(p.bodyHtml, 200),
      createdAt: p.createdAt,
      dateKnown: p.dateKnown,
      debate: p.debate,
      subheading: p.subheading,
    })),
    nextCursor: rows.length > PROFILE_PAGE && last ? encodeCursor(last) : null,
  };
}
