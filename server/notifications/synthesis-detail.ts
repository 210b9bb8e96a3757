import "server-only";
import { proposalPath, statusLabel, synthesisHistoryPath } from "@/lib/synthesis";

// What a synthesis notification keeps in its `detail` (JSON: a notification has no column for a
// version or a proposal), and the sentence and link the notifications page and the emails make of it.

/** Followers: a synthesis's new version (a direct edit, a change of status, an accepted proposal). */
export const SYNTHESIS_CHANGED = "synthesis";
/** Its proposer: their proposed edit was accepted, or rejected. */
export const PROPOSAL_DECIDED = { accepted: "synthesis_accepted", rejected: "synthesis_rejected" } as const;
export const SYNTHESIS_KINDS: readonly string[] = [
  SYNTHESIS_CHANGED,
  PROPOSAL_DECIDED.accepted,
  PROPOSAL_DECIDED.rejected,
];
export const isSynthesisKind = (kind: string) => SYNTHESIS_KINDS.includes(kind);

export type VersionDetail = {
  version: number;
  status: string;
  /** The text changed (else only the status did). */
  text: boolean;
  statusChanged: boolean;
  note: string | null;
};
export type DecisionDetail = { proposalId: string; note: string | null };

export const versionDedupeKey = (versionId: string) => `synthesis:${versionId}`;
export const decisionDedupeKey = (proposalId: string) => `synthesis-proposal:${proposalId}`;

function parse(detail: string | null): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(detail ?? "");
    return value && typeof value === "object" ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
const text = (value: unknown) => (typeof value === "string" && value ? value : null);

export function parseVersionDetail(detail: string | null): VersionDetail | null {
  const d = parse(detail);
  if (!d || typeof d.version !== "number" || typeof d.status !== "string") return null;
  return { version: d.version, status: d.status, text: !!d.text, statusChanged: !!d.statusChanged, note: text(d.note) };
}

export function parseDecisionDetail(detail: string | null): DecisionDetail | null {
  const d = parse(detail);
  const proposalId = text(d?.proposalId);
  return proposalId ? { proposalId, note: text(d?.note) } : null;
}

/**
 * What happened, as a sentence without its full stop. `place` is the synthesis's place, already
 * quoted (“Part 1”, or “Part 1” in “The debate” where the debate is not obvious).
 */
export function describeSynthesis(kind: string, who: string, place: string, detail: string | null): string {
  if (kind === SYNTHESIS_CHANGED) {
    const d = parseVersionDetail(detail);
    const status = d ? statusLabel(d.status).toLowerCase() : "";
    if (d && !d.text && d.statusChanged) return `${who} marked the synthesis of ${place} as ${status}`;
    return `The synthesis of ${place} was updated by ${who}${d?.statusChanged ? ` and marked ${status}` : ""}`;
  }
  const decision = kind === PROPOSAL_DECIDED.accepted ? "accepted" : "rejected";
  return `${who} ${decision} your proposed edit to the synthesis of ${place}`;
}

/** The note that came with it: the editor's, or the decider's. */
export const synthesisNote = (kind: string, detail: string | null) =>
  (kind === SYNTHESIS_CHANGED ? parseVersionDetail(detail)?.note : parseDecisionDetail(detail)?.note) ?? null;

/**
 * Where it leads: the version's own entry in the history (the page of versions before the next
 * one, so later versions never push it off), or the proposal with its decision.
 */
export function synthesisHref(
  kind: string,
  detail: string | null,
  debateSlug: string,
  subheadingSlug: string | null,
): string | null {
  if (kind === SYNTHESIS_CHANGED) {
    const d = parseVersionDetail(detail);
    return d ? `${synthesisHistoryPath(debateSlug, subheadingSlug, d.version + 1)}#v-${d.version}` : null;
  }
  const d = parseDecisionDetail(detail);
  return d ? proposalPath(debateSlug, subheadingSlug, d.proposalId) : null;
}
