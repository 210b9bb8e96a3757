import { SYNTHESIS_MAX, SYNTHESIS_NOTE_MAX, SYNTHESIS_STATUSES } from "../synthesis";
import { markdownRefusal } from "../markdown";
import { z } from "./zod";

const id = z.string().trim().min(1).max(64);
const optionalId = z
  .string()
  .trim()
  .max(64)
  .optional()
  .transform((v) => (v ? v : null));
const note = z
  .string()
  .trim()
  .max(SYNTHESIS_NOTE_MAX, `Keep the note to ${SYNTHESIS_NOTE_MAX} characters.`)
  .optional()
  .transform((v) => (v ? v : null));
/** A synthesis may be empty (nothing said yet) but never unrenderable (lib/markdown.ts). */
const body = z
  .string()
  .trim()
  .max(SYNTHESIS_MAX, `Keep it to ${SYNTHESIS_MAX.toLocaleString("en-GB")} characters.`)
  .superRefine((text, context) => {
    const refusal = markdownRefusal(text);
    if (refusal) context.addIssue({ code: "custom", message: refusal });
  });
/** The version the form showed: a direct edit made over someone else's is refused (no change lost). */
const baseVersion = z.coerce.number().int().min(0).max(1_000_000_000);
const checked = z
  .string()
  .optional()
  .transform((v) => v === "true" || v === "on");

/** Where: a subheading's synthesis, or (no subheadingId) the debate's own. */
const place = { debateId: id, subheadingId: optionalId };

export const editSynthesisSchema = z.object({
  ...place,
  body,
  note,
  status: z.enum(SYNTHESIS_STATUSES, "Choose open, converging or settled."),
  baseVersion,
});
export type EditSynthesisInput = z.infer<typeof editSynthesisSchema>;

export const proposeSynthesisSchema = z.object({
  ...place,
  body: body.pipe(z.string().min(1, "Write the synthesis you propose.")),
  note,
  baseVersion,
});
export type ProposeSynthesisInput = z.infer<typeof proposeSynthesisSchema>;

export const decideProposalSchema = z.object({
  proposalId: id,
  decision: z.enum(["accept", "reject"]),
  decisionNote: note,
  /** Accept a proposal written against an older version anyway (it replaces what changed since). */
  confirmStale: checked,
});
export type DecideProposalInput = z.infer<typeof decideProposalSchema>;

export const withdrawProposalSchema = z.object({ proposalId: id });
