// The shapes the server hands to pages and components. Built in server/ with `select`, never
// whole rows; content that the viewer may not see is already removed.
import type { Role } from "@/generated/prisma/enums";

/** Who wrote something: `role` puts a badge by a moderator's or an admin's name (components/author-name.tsx). */
export type AuthorView = { id: string; name: string; imported: boolean; role: Role } | null;

export type PostView = {
  id: string;
  subheadingId: string;
  parentId: string | null;
  depth: number;
  title: string | null;
  /** Null when the post is hidden or deleted: the viewer gets the notice, not the content. */
  bodyHtml: string | null;
  author: AuthorView;
  attributionNote: string | null;
  sourceUrl: string | null;
  createdAt: Date;
  dateKnown: boolean;
  editedAt: Date | null;
  replyCount: number;
  pinned: boolean;
  state: "visible" | "hidden" | "deleted";
  hiddenReason: string | null;
};

export type ThreadNode = PostView & { replies: ThreadNode[] };

export type SubheadingSummary = {
  id: string;
  slug: string;
  title: string;
  description: string | null;
  position: number;
  contributionCount: number;
  replyCount: number;
  lastActivityAt: Date | null;
  locked: boolean;
  slowModeSeconds: number;
};

export type DebateSummary = {
  id: string;
  slug: string;
  title: string;
  excerpt: string;
  author: AuthorView;
  subheadingCount: number;
  contributionCount: number;
  replyCount: number;
  viewCount: number;
  lastActivityAt: Date;
  pinned: boolean;
  locked: boolean;
};

export type DebateHeader = {
  id: string;
  slug: string;
  title: string;
  bodyHtml: string;
  author: AuthorView;
  attributionNote: string | null;
  createdAt: Date;
  dateKnown: boolean;
  viewCount: number;
  contributionCount: number;
  replyCount: number;
  lastActivityAt: Date;
  locked: boolean;
  slowModeSeconds: number;
};

/** One page of a subheading's contributions, each with its replies to the display depth. */
export type ContributionPage = {
  pinned: ThreadNode[];
  threads: ThreadNode[];
  /** Cursor for the next page, or null on the last one. */
  nextCursor: string | null;
};

/** GET /api/posts/[postId]/source: what the edit form starts from. */
export type PostSource = { title: string | null; body: string };
/** GET /api/posts/[postId]/hidden: a hidden post's content, for moderators. */
export type HiddenPost = { title: string | null; html: string };
/** POST /api/preview. */
export type Preview = { html: string };
/** What a JSON route answers when it refuses. */
export type ApiError = { error: string };
