import { z } from "./zod";
import { bodySchema } from "./post";

const id = z.string().trim().min(1).max(64);
const reason = z
  .string()
  .trim()
  .min(3, "Give a reason of at least 3 characters.")
  .max(500, "Keep the reason to 500 characters.");
const optionalReason = z
  .string()
  .trim()
  .max(500, "Keep the reason to 500 characters.")
  .optional()
  .transform((v) => v || null);
const flag = z.enum(["true", "false"]).transform((v) => v === "true");

export const hidePostSchema = z.object({ postId: id, reason });
export const restorePostSchema = z.object({ postId: id, reason: optionalReason });
export const movePostSchema = z.object({
  postId: id,
  toSubheadingId: z.string().trim().min(1, "Choose where to move it.").max(64),
  reason: optionalReason,
});
export const pinPostSchema = z.object({ postId: id, pinned: flag });
/** A lock or slow mode names exactly one place: a subheading or a debate. */
const place = z
  .object({ subheadingId: id.optional(), debateId: id.optional() })
  .refine((p) => !!p.subheadingId !== !!p.debateId, "Name one subheading or one debate.");
export const lockSchema = z.intersection(place, z.object({ locked: flag, reason: optionalReason }));
export const slowModeSchema = z.intersection(
  place,
  z.object({ seconds: z.coerce.number().int().min(0, "0 turns slow mode off.").max(86_400, "At most a day.") }),
);
export const reportSchema = z.object({ postId: id, reason });
export const dismissReportsSchema = z.object({ postId: id, reason: optionalReason });
export const suspendSchema = z.object({
  userId: id,
  hours: z.coerce
    .number()
    .int()
    .min(1, "At least an hour.")
    .max(24 * 365, "At most a year."),
  reason,
  reportPostId: id.optional(),
});
export const banSchema = z.object({ userId: id, reason });
export const liftSchema = z.object({ userId: id, reason: optionalReason });
export const roleSchema = z.object({ userId: id, role: z.enum(["MEMBER", "MODERATOR", "ADMIN"]) });

const subheadingTitle = z
  .string()
  .trim()
  .min(3, "A subheading needs a title of at least 3 characters.")
  .max(200, "Keep the title to 200 characters.");
/** The form sends one `subheading` field per row, blank rows included; errors show under `subheadings`. */
const subheadingRows = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((rows) => [rows ?? []].flat().filter((row) => row.trim() !== ""))
  .pipe(z.array(subheadingTitle).min(1, "Add at least one subheading.").max(30, "At most 30 subheadings."));
export const createDebateSchema = z.preprocess(
  (fields) => ({ ...(fields as object), subheadings: (fields as { subheading?: unknown }).subheading }),
  z.object({
    title: z
      .string()
      .trim()
      .min(3, "A debate needs a title of at least 3 characters.")
      .max(200, "Keep the title to 200 characters."),
    body: bodySchema,
    subheadings: subheadingRows,
  }),
);
export const addSubheadingSchema = z.object({ debateId: id, title: subheadingTitle, description: optionalReason });
export const renameSubheadingSchema = z.object({ subheadingId: id, title: subheadingTitle });
export const reorderSubheadingSchema = z.object({ subheadingId: id, direction: z.enum(["up", "down"]) });
export const archiveSubheadingSchema = z.object({ subheadingId: id, archived: flag });
