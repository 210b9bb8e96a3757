import {
  OUTCOME_MAX,
  PROPOSAL_MAX_OPEN_MS,
  PROPOSAL_MIN_OPEN_MS,
  PROPOSAL_STATEMENT_MAX,
  VOTE_REASON_MAX,
  VOTE_VALUES,
} from "@/lib/proposals";
import { z } from "./zod";

const id = z.string().trim().min(1).max(64);

/**
 * When the proposal closes: an instant (the form sends its date-time input as ISO 8601 with the
 * member's zone applied), between an hour and 90 days from now.
 */
const closesAt = z
  .string({ error: "Choose when the proposal closes." })
  .trim()
  .min(1, "Choose when the proposal closes.")
  .max(40)
  .transform((raw, ctx) => {
    const at = new Date(raw);
    if (Number.isNaN(at.getTime())) {
      ctx.addIssue({ code: "custom", message: "Give a date and time." });
      return z.NEVER;
    }
    const ahead = at.getTime() - Date.now();
    if (ahead < PROPOSAL_MIN_OPEN_MS) {
      ctx.addIssue({ code: "custom", message: "Let it run for at least an hour." });
      return z.NEVER;
    }
    if (ahead > PROPOSAL_MAX_OPEN_MS) {
      ctx.addIssue({ code: "custom", message: "It must close within 90 days." });
      return z.NEVER;
    }
    return at;
  });

export const createProposalSchema = z.object({
  subheadingId: id,
  statement: z
    .string({ error: "Write the proposal." })
    .trim()
    .min(10, "Write a proposal of at least 10 characters.")
    .max(PROPOSAL_STATEMENT_MAX, `Keep the proposal to ${PROPOSAL_STATEMENT_MAX.toLocaleString("en")} characters.`),
  closesAt,
});
export type CreateProposalInput = z.infer<typeof createProposalSchema>;

export const voteSchema = z.object({
  proposalId: id,
  value: z.enum(VOTE_VALUES, { error: "Choose agree, abstain, disagree or block." }),
  reason: z
    .string()
    .trim()
    .max(VOTE_REASON_MAX, `Keep the reason to ${VOTE_REASON_MAX} characters.`)
    .optional()
    .transform((v) => v || null),
});
export type VoteInput = z.infer<typeof voteSchema>;

export const closeProposalSchema = z.object({
  proposalId: id,
  reason: z
    .string()
    .trim()
    .max(500, "Keep the reason to 500 characters.")
    .optional()
    .transform((v) => v || null),
});

export const outcomeSchema = z.object({
  proposalId: id,
  outcome: z
    .string({ error: "Write the outcome." })
    .trim()
    .min(3, "Write an outcome of at least 3 characters.")
    .max(OUTCOME_MAX, `Keep the outcome to ${OUTCOME_MAX} characters.`),
});
