import { z } from "./zod";
import { markdownRefusal } from "../markdown";
import { BODY_MAX, TITLE_MAX } from "../limits";
import { REPLY_TYPES } from "../reply-types";

export { BODY_MAX, TITLE_MAX };

const id = z.string().trim().min(1).max(64);
const optionalId = z
  .string()
  .trim()
  .max(64)
  .optional()
  .transform((v) => (v ? v : null));
const title = z
  .string()
  .trim()
  .max(TITLE_MAX, `Keep the title to ${TITLE_MAX} characters.`)
  .optional()
  .transform((v) => (v ? v : null));
/** Refuses, as a field error, Markdown that could stall the parser (lib/markdown.ts). */
const renderable = (body: string, context: z.RefinementCtx) => {
  const refusal = markdownRefusal(body);
  if (refusal) context.addIssue({ code: "custom", message: refusal });
};

export const bodySchema = z
  .string()
  .trim()
  .min(1, "Write something first.")
  .max(BODY_MAX, `Keep it to ${BODY_MAX.toLocaleString("en-GB")} characters.`)
  .superRefine(renderable);

/** How a reply relates to the post it answers (lib/reply-types.ts); empty: not said. */
export const replyTypeSchema = z
  .union([z.literal(""), z.enum(REPLY_TYPES, "Choose one of the listed kinds of reply.")])
  .optional()
  .transform((v) => v || null);

/** A new contribution (no parent) or a reply (parent given). */
export const createPostSchema = z
  .object({
    subheadingId: z.string().trim().min(1, "Choose the subheading your contribution speaks to.").max(64),
    parentId: optionalId,
    title,
    body: bodySchema,
    replyType: replyTypeSchema,
    /** The form's, kept with its draft: the same submission sent twice makes one post. */
    idempotencyKey: optionalId,
  })
  .superRefine((post, context) => {
    if (post.replyType && !post.parentId) {
      context.addIssue({
        code: "custom",
        path: ["replyType"],
        message: "Only a reply can say how it relates to a post; a new contribution has no type.",
      });
    }
  });
export type CreatePostInput = z.infer<typeof createPostSchema>;

export const editPostSchema = z.object({ postId: id, title, body: bodySchema });
export type EditPostInput = z.infer<typeof editPostSchema>;

export const postIdSchema = z.object({ postId: id });

export const previewSchema = z.object({
  body: z
    .string()
    .max(BODY_MAX, `Keep it to ${BODY_MAX.toLocaleString("en-GB")} characters.`)
    .superRefine(renderable),
});
