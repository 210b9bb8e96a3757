"use server";

import {
  decideProposalSchema,
  editSynthesisSchema,
  proposeSynthesisSchema,
  withdrawProposalSchema,
} from "@/lib/schemas/synthesis";
import { action } from "../http/action";
import { editSynthesis } from "../synthesis/edit-synthesis";
import { decideProposal, proposeSynthesisEdit, withdrawProposal } from "../synthesis/proposals";

export const editSynthesisAction = action(editSynthesisSchema, editSynthesis, (result) => ({
  id: result.id,
  message: `Saved as version ${result.version}.`,
}));

export const proposeSynthesisEditAction = action(proposeSynthesisSchema, proposeSynthesisEdit, (result) => ({
  id: result.id,
  message: "Your proposal is posted. The debate's opener or a moderator will review it.",
}));

export const decideProposalAction = action(decideProposalSchema, decideProposal, (result) => ({
  id: result.id,
  message: result.version
    ? `Accepted: the synthesis is now version ${result.version}.`
    : "Rejected: the text is unchanged.",
}));

export const withdrawProposalAction = action(withdrawProposalSchema, withdrawProposal, "Your proposal is withdrawn.");
