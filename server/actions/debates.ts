"use server";

import { debatePath } from "@/lib/paths";
import {
  addSubheadingSchema,
  archiveSubheadingSchema,
  createDebateSchema,
  renameSubheadingSchema,
  reorderSubheadingSchema,
} from "@/lib/schemas/moderation";
import { createDebate } from "../debates/create-debate";
import { action } from "../http/action";
import { addSubheading, renameSubheading, reorderSubheading, setArchived } from "../subheadings/manage-subheadings";

export const createDebateAction = action(createDebateSchema, createDebate, (debate) => ({
  id: debate.id,
  message: "The debate is open.",
  redirectTo: debatePath(debate.slug),
}));

export const addSubheadingAction = action(addSubheadingSchema, addSubheading, "Subheading added.");

export const renameSubheadingAction = action(
  renameSubheadingSchema,
  renameSubheading,
  "Renamed; the old address still leads here.",
);

export const reorderSubheadingAction = action(reorderSubheadingSchema, reorderSubheading);

export const archiveSubheadingAction = action(archiveSubheadingSchema, setArchived, (_subheading, { archived }) => ({
  message: archived ? "Archived." : "Restored.",
}));
