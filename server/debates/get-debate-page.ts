import "server-only";
import { excerptFromHtml } from "@/lib/text";
import type { ContributionSummary, DebateHeader, OverviewSection, SubheadingSummary } from "@/lib/views";
import type { DbTx } from "../db";
import { overviewContributionIds } from "../db-sql";
import { authorSelect, toAuthorView } from "../posts/post-view";
import { subheadingSummarySelect } from "../subheadings/subheading-view";
import { getDebateDecisions } from "../proposals/list-proposals";

// The debate page is an overview: the opening post, the outline, and for each subheading a few
// lines naming its contributions (no bodies: those are read on the subheading page and the
// permalink). What bounds its size whatever the debate holds: at most CONTRIBUTIONS_PER_SECTION
// lines per section, each headline at most HEADLINE_LENGTH characters, and sections for the first
// SECTIONS_ON_DEBATE_PAGE subheadings only (the outline, one line each, names every subheading;
// subheadings are made by moderators, never by members).

/** How many contributions each subheading's section lists: pinned ones, then the most replied, then the newest. */
export const CONTRIBUTIONS_PER_SECTION = 5;
/** How many subheadings get a section of their own; the outline lists the rest. */
export const SECTIONS_ON_DEBATE_PAGE = 20;
/** The longest headline (a title, or the first words of an untitled post), in characters. */
export const HEADLINE_LENGTH = 140;
/**
 * An opening post longer than this (plain text, in characters) is shown clipped after its first
 * screen, with a way to read it all (about a phone screen's worth; on a wide screen the page drops
 * the clip when the text turns out to fit: app/debates/[slug]/_components/collapsible-opening.tsx).
 */
export const LONG_OPENING_POST = 600;

export type DebatePageData = {
  debate: DebateHeader;
  /** Whether the opening post is long enough to be clipped after its first screen. */
  openingIsLong: boolean;
  /** Every subheading (not archived), in order: the outline. */
  outline: SubheadingSummary[];
  /** The first SECTIONS_ON_DEBATE_PAGE subheadings, each with its few contributions. */
  sections: OverviewSection[];
  /** Per subheading with decisions (proposals with an outcome): how many, and the latest's words. */
  decisions: { subheadingId: string; count: number; latest: string }[];
};

export const debateHeaderSelect = {
  id: true,
  slug: true,
  title: true,
  bodyHtml: true,
  attributionNote: true,
  createdAt: true,
  dateKnown: true,
  viewCount: true,
  contributionCount: true,
  replyCount: true,
  lastActivityAt: true,
  locked: true,
  slowModeSeconds: true,
  author: { select: authorSelect },
} as const;

const summarySelect = {
  id: true,
  subheadingId: true,
  title: true,
  bodyHtml: true,
  createdAt: true,
  dateKnown: true,
  replyCount: true,
  pinnedAt: true,
  author: { select: authorSelect },
} as const;

/** The whole debate page in three queries, however many subheadings and posts it has. */
export async function getDebatePage(tx: DbTx, slug: string): Promise<DebatePageData | null> {
  const debate = await tx.debate.findUnique({
    where: { slug },
    select: {
      ...debateHeaderSelect,
      subheadings: { where: { archivedAt: null }, orderBy: { position: "asc" }, select: subheadingSummarySelect },
    },
  });
  if (!debate) return null;

  const shown = debate.subheadings.slice(0, SECTIONS_ON_DEBATE_PAGE);
  const ranked = await overviewContributionIds(
    tx,
    shown.map((s) => s.id),
    CONTRIBUTIONS_PER_SECTION,
  );
  const rows = await tx.post.findMany({ where: { id: { in: ranked.map((r) => r.id) } }, select: summarySelect });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const decisions = await getDebateDecisions(tx, debate.id);

  const { subheadings, author, ...header } = debate;
  return {
    debate: { ...header, author: toAuthorView(author) },
    openingIsLong: excerptFromHtml(header.bodyHtml, Number.MAX_SAFE_INTEGER).length > LONG_OPENING_POST,
    outline: subheadings,
    sections: shown.map((subheading) => ({
      ...subheading,
      contributions: ranked
        .filter((r) => r.subheadingId === subheading.id)
        .flatMap((r) => {
          const row = byId.get(r.id);
          return row ? [toSummary(row)] : [];
        }),
    })),
    decisions,
  };
}

type SummaryRow = {
  id: string;
  title: string | null;
  bodyHtml: string;
  createdAt: Date;
  dateKnown: boolean;
  replyCount: number;
  pinnedAt: Date | null;
  author: Parameters<typeof toAuthorView>[0];
};

function toSummary(row: SummaryRow): ContributionSummary {
  const title = row.title?.trim();
  return {
    id: row.id,
    headline: title ? excerptFromHtml(escapeText(title), HEADLINE_LENGTH) : firstWords(row.bodyHtml),
    titled: Boolean(title),
    author: toAuthorView(row.author),
    createdAt: row.createdAt,
    dateKnown: row.dateKnown,
    replyCount: row.replyCount,
    pinned: row.pinnedAt !== null,
  };
}

/**
 * The first words of a post's own text: a post that opens by quoting another is named by what it
 * says, not by the quote (unless it is nothing but quotes).
 */
function firstWords(html: string): string {
  const own = excerptFromHtml(html.replace(/<blockquote[\s\S]*?<\/blockquote>/gi, " "), HEADLINE_LENGTH);
  return own || excerptFromHtml(html, HEADLINE_LENGTH);
}

/** A title is plain text: escape it so that excerptFromHtml (which strips tags) keeps it as typed. */
const escapeText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
