import "server-only";
import type { ReplyType } from "@/lib/reply-types";
import type { SynthesisStatus } from "@/lib/synthesis";

// What an export shows of a debate, whatever the format: read by read-export.ts, written by the
// writers (markdown.ts, json.ts, argdown.ts). Only what a visitor can read on the site is in it.

/** A place's synthesis: its current text and status. */
export type ExportSynthesis = { status: SynthesisStatus; body: string };

/** A closed proposal: its outcome and counts (never who voted how). */
export type ExportProposal = {
  statement: string;
  author: string | null;
  createdAt: Date;
  closesAt: Date;
  closedAt: Date;
  outcome: string | null;
  counts: { agree: number; abstain: number; disagree: number; block: number };
};

export type ExportSection = {
  id: string;
  slug: string;
  title: string;
  description: string | null;
  position: number;
  synthesis: ExportSynthesis | null;
  proposals: ExportProposal[];
};

export type ExportDebate = {
  id: string;
  slug: string;
  title: string;
  author: string | null;
  authorNote: string | null;
  views: number;
  body: string;
  createdAt: Date;
  dateKnown: boolean;
  synthesis: ExportSynthesis | null;
};

/** The debate and its current subheadings, in order: read before anything is sent. */
export type ExportHeader = { debate: ExportDebate; sections: ExportSection[] };

/** A visible post and its visible replies, in the site's order (oldest first). */
export type ExportPost = {
  /** Its id in an archive: the import key it came with, else its id on this site. */
  key: string;
  author: string | null;
  authorNote: string | null;
  title: string | null;
  body: string;
  sourceUrl: string | null;
  createdAt: Date;
  /** False: createdAt is a stand-in that only orders (an archive kept no date). */
  dateKnown: boolean;
  replyType: ReplyType | null;
  /** Agreement counts, only from the number of marks from which the site shows them. */
  agreement: { agree: number; disagree: number; pass: number } | null;
  replies: ExportPost[];
};

/** A subheading's threads, read as they are written out (read-export.ts). */
export type ThreadSource = (section: ExportSection) => AsyncIterable<ExportPost>;

/** A format: the chunks of the document, written as the threads are read. */
export type ExportWriter = (header: ExportHeader, threads: ThreadSource) => AsyncGenerator<string>;
