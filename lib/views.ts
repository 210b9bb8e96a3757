// The shapes the server hands to pages and components. Built in server/ with `select`, never
// whole rows; content that the viewer may not see is already removed.
import type { Role } from "@/generated/prisma/enums";
import type { MarkCounts } from "./marks";
import type { PostSort } from "./post-sort";
import type { ReplyType, ReplyTypeCounts } from "./reply-types";

/**
 * Who wrote something: `role` puts a badge by a moderator's or an admin's name, and `handle` makes
 * the name a link to their profile (components/author-name.tsx; null only until the seed gives one).
 */
export type AuthorView = { id: string; name: string; imported: boolean; role: Role; handle: string | null } | null;

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
  /** Set when a moderator moved the post here: the subheading it came from (its note), and when. */
  movedFromSubheadingId?: string | null;
  movedAt?: Date | null;
  /** How a reply relates to its parent (lib/reply-types.ts); null: not said. */
  replyType?: ReplyType | null;
  /** Agreement marks (lib/marks.ts): shown as a split only from SPLIT_SHOWN_AT marks. */
  marks?: MarkCounts;
  /** On a thread's top post only: its visible replies per type, and its open questions. */
  typeCounts?: ReplyTypeCounts;
};

/** A post a moderator moved out of a place, as its old place notes it ("a reply was moved to …"). */
export type MovedAwayView = {
  id: string;
  postId: string;
  /** The post it answered there; null when it was a contribution of the subheading. */
  fromParentId: string | null;
  toSubheadingId: string;
  /** Null when the destination is gone; its slug is null when archived (no link). */
  toTitle: string | null;
  toSlug: string | null;
  movedAt: Date;
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

/**
 * One line of the debate page's overview of a subheading: a visible contribution without its body
 * (server/debates/get-debate-page.ts). `headline` is its title, or else the first words of its
 * text as plain text, cut short on the server.
 */
export type ContributionSummary = {
  id: string;
  headline: string;
  titled: boolean;
  author: AuthorView;
  createdAt: Date;
  dateKnown: boolean;
  replyCount: number;
  pinned: boolean;
};

/** A subheading on the debate page: its summary and a few of its contributions. */
export type OverviewSection = SubheadingSummary & { contributions: ContributionSummary[] };

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
/** GET /api/people: the compose form's @mention suggestions (never an email). */
export type PersonSuggestion = { handle: string; name: string; role: Role; imported: boolean };
export type PeopleSuggestions = { people: PersonSuggestion[] };
/** GET /api/me/post-sort: the member's order for a subheading's contributions. */
export type PostSortView = { sort: PostSort };
/** What a JSON route answers when it refuses. */
export type ApiError = { error: string };

/** One search result (server/search/): where the post is, who wrote it, and its text with the matches marked. */
export type SearchResult = {
  id: string;
  debate: { id: string; slug: string; title: string };
  subheading: { id: string; slug: string; title: string };
  author: AuthorView;
  attributionNote: string | null;
  createdAt: Date;
  dateKnown: boolean;
  isReply: boolean;
  /** Safe HTML: the escaped title with <mark> around the matches, or null for a post without a title. */
  titleHtml: string | null;
  /** Safe HTML: an escaped excerpt of the body with <mark> around the matches. */
  snippetHtml: string;
};

/** What /search shows: the scope its filters resolved to, and one keyset page of results. */
export type SearchPage = {
  /** The query as searched (trimmed and cut to length); "" when nothing searchable was typed. */
  query: string;
  scope: {
    debate: { id: string; slug: string; title: string; subheadings: { slug: string; title: string }[] } | null;
    subheading: { id: string; slug: string; title: string } | null;
    /** A debate was asked for and does not exist (or is archived): nothing is searched. */
    missing: boolean;
  };
  results: SearchResult[];
  /** The cursor of the next page, or null on the last one. */
  nextCursor: string | null;
};
