import "server-only";
import { z } from "zod";
import { OUTCOME_MAX, PROPOSAL_STATEMENT_MAX } from "@/lib/proposals";
import { REPLY_TYPES } from "@/lib/reply-types";
import { isValidSubheadingSlug } from "@/lib/slug";
import { SYNTHESIS_STATUSES } from "@/lib/synthesis";

// The archive format of prisma/seed-data/*.json: a debate as it survives in archived pages. The
// site's own export (server/export/) writes the same format, with the optional fields below that
// an archive extract leaves out: every post's date, how a reply relates to its parent, agreement
// counts, and the syntheses and closed proposals.

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
const name = z.string().trim().min(1).max(200);
const note = z.string().trim().min(1).max(1000).nullable().optional();
const count = z.number().int().nonnegative();

/**
 * When a post was written. Absent or null: not preserved (the importer gives it a stand-in). With
 * `dateKnown: false`, `date` is such a stand-in, kept only for the order it gives.
 */
const date = z.iso.datetime().nullable().optional();
const dateKnown = z.boolean().optional();

/** A place's "where the discussion stands" text (its current version only). */
const synthesisSchema = z.object({ status: z.enum(SYNTHESIS_STATUSES), body: z.string().min(1) });

/** A closed proposal under a subheading: its statement, outcome and vote counts (never the votes). */
const proposalSchema = z.object({
  statement: z.string().trim().min(1).max(PROPOSAL_STATEMENT_MAX),
  author: name.nullable().optional(),
  createdAt: z.iso.datetime().optional(),
  closesAt: z.iso.datetime(),
  closedAt: z.iso.datetime(),
  outcome: z.string().trim().min(1).max(OUTCOME_MAX).nullable(),
  counts: z.object({ agree: count, abstain: count, disagree: count, block: count }),
});

const replySchema = z.object({
  id: slug,
  author: name.nullable(),
  authorNote: note,
  section: slug,
  parent: slug.nullable(),
  title: z.string().trim().min(1).max(200).nullable().optional(),
  body: z.string().min(1),
  date,
  dateKnown,
  sourceUrl: z.url().nullable().optional(),
  /** How a reply relates to its parent (lib/reply-types.ts); ignored on a contribution. */
  replyType: z.enum(REPLY_TYPES).nullable().optional(),
  /** Members' agreement marks, as counts. */
  agreement: z.object({ agree: count, disagree: count, pass: count }).nullable().optional(),
});

const commentSchema = z.object({ id: slug, author: name.nullable(), authorNote: note, body: z.string().min(1) });

const articleSchema = z.object({
  id: slug,
  title: z.string().trim().min(1).max(200),
  author: name.nullable(),
  authorNote: note,
  date: z.iso.datetime().nullable(),
  section: slug,
  body: z.string().min(1),
  sourceUrl: z.url().nullable().optional(),
  comments: z.array(commentSchema).default([]),
});

export const debateFileSchema = z.object({
  debate: z.object({
    slug,
    title: z.string().trim().min(1).max(200),
    author: name.nullable(),
    authorNote: note,
    views: z.number().int().nonnegative().default(0),
    body: z.string().min(1),
    date,
    dateKnown,
    synthesis: synthesisSchema.nullable().optional(),
  }),
  sections: z
    .array(
      z.object({
        // Not a word the debate's own pages use (/debates/<slug>/posts, /new, /synthesis…).
        slug: slug.refine(isValidSubheadingSlug, { error: "a subheading's slug may not be a reserved word" }),
        title: z.string().trim().min(1).max(200),
        description: z.string().nullable().optional(),
        position: z.number().int(),
        synthesis: synthesisSchema.nullable().optional(),
        proposals: z.array(proposalSchema).default([]),
      }),
    )
    .min(1),
  posts: z.array(replySchema).default([]),
  articles: z.array(articleSchema).default([]),
});

export type DebateFile = z.infer<typeof debateFileSchema>;
/** The file as the export writes it (before zod's defaults). */
export type DebateFileInput = z.input<typeof debateFileSchema>;
export type DebateFilePost = z.input<typeof replySchema>;
export type DebateFileSection = z.input<typeof debateFileSchema>["sections"][number];
export type DebateFileSynthesis = z.infer<typeof synthesisSchema>;
export type DebateFileProposal = z.infer<typeof proposalSchema>;
