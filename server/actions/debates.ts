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

export const createDebateAction = action(
  "createDebateAction",
  createDebateSchema,
  (actor, input) => createDebate({ actor, ...input }),
  (debate) => ({ id: debate.id, message: "The debate is open.", redirectTo: debatePath(debate.slug) }),
);

export const addSubheadingAction = action(
  "addSubheadingAction",
  addSubheadingSchema,
  (actor, input) => addSubheading({ actor, ...input }),
  (subheading) => ({ id: subheading.id, message: "Subheading added." }),
);

export const renameSubheadingAction = action(
  "renameSubheadingAction",
  renameSubheadingSchema,
  (actor, input) => renameSubheading({ actor, ...input }),
  (subheading) => ({ id: subheading.id, message: "Renamed; the old address still leads here." }),
);

export const reorderSubheadingAction = action(
  "reorderSubheadingAction",
  reorderSubheadingSchema,
  (actor, input) => reorderSubheading({ actor, ...input }),
  (subheading) => ({ id: subheading.id }),
);

export const archiveSubheadingAction = action(
  "archiveSubheadingAction",
  archiveSubheadingSchema,
  (actor, input) => setArchived({ actor, ...input }),
  (subheading, input) => ({ id: subheading.id, message: input.archived ? "Archived." : "Restored." }),
);
