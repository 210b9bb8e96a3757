// A living synthesis ("where the discussion stands"): one per subheading and one for the debate
// itself. What is pure about it: its statuses, its scope key, its addresses and its limits.
import { debatePath, subheadingPath } from "./paths";

export const SYNTHESIS_STATUSES = ["open", "converging", "settled"] as const;
export type SynthesisStatus = (typeof SYNTHESIS_STATUSES)[number];
export const isSynthesisStatus = (value: string): value is SynthesisStatus =>
  (SYNTHESIS_STATUSES as readonly string[]).includes(value);

export const SYNTHESIS_STATUS_LABELS: Record<SynthesisStatus, string> = {
  open: "Open",
  converging: "Converging",
  settled: "Settled",
};
export const statusLabel = (status: string) => (isSynthesisStatus(status) ? SYNTHESIS_STATUS_LABELS[status] : status);

export type ProposalStatus = "open" | "accepted" | "rejected" | "withdrawn";

/** The longest synthesis, in characters of Markdown. */
export const SYNTHESIS_MAX = 20_000;
export const SYNTHESIS_NOTE_MAX = 500;
/** The excerpt shown on the debate page, in characters of plain text (under every subheading: the page's size is bounded). */
export const SYNTHESIS_EXCERPT_LENGTH = 120;
/** Permalinks shown as quote cards in one synthesis; further ones stay plain links. */
export const MAX_QUOTE_CARDS = 20;
/** Versions per page of a synthesis's history. */
export const VERSIONS_PER_PAGE = 10;

/** Where a synthesis belongs: a subheading, or (null) the debate itself. */
export type SynthesisScope = { debateId: string; subheadingId: string | null };

/** The unique key of a synthesis's place ("debate:<id>" or "subheading:<id>"). */
export const synthesisScopeKey = ({ debateId, subheadingId }: SynthesisScope) =>
  subheadingId ? `subheading:${subheadingId}` : `debate:${debateId}`;

/** The synthesis's page (its text, the proposals, the forms): "synthesis" is a reserved subheading slug. */
export const synthesisPath = (debateSlug: string, subheadingSlug: string | null) =>
  `${subheadingSlug ? subheadingPath(debateSlug, subheadingSlug) : debatePath(debateSlug)}/synthesis`;
/** Its versions, newest first, or the page of those older than version `before`. */
export const synthesisHistoryPath = (debateSlug: string, subheadingSlug: string | null, before?: number | null) =>
  `${synthesisPath(debateSlug, subheadingSlug)}/history${before ? `/before/${before}` : ""}`;
/** One proposed edit, with its diffs. */
export const proposalPath = (debateSlug: string, subheadingSlug: string | null, proposalId: string) =>
  `${synthesisPath(debateSlug, subheadingSlug)}/proposals/${proposalId}`;
