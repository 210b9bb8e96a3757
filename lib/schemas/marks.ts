import { z } from "./zod";
import { MARK_VALUES } from "../marks";
import { replyTypeSchema } from "./post";

const id = z.string().trim().min(1).max(64);

/** A member's mark on a post; "none" takes their mark back. */
export const markPostSchema = z.object({
  postId: id,
  value: z.enum([...MARK_VALUES, "none"], "Choose agree, disagree or pass."),
});
export type MarkPostInput = z.infer<typeof markPostSchema>;

/** The author's or a moderator's change of how a reply relates to its parent (empty: not said). */
export const retypeReplySchema = z.object({ postId: id, replyType: replyTypeSchema });
export type RetypeReplyInput = z.infer<typeof retypeReplySchema>;
