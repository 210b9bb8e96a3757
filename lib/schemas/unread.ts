import { z } from "./zod";

const id = z.string().trim().min(1).max(64);
/** A moment a page saw: an ISO time with its offset (the server clamps it to now). */
const moment = z.iso
  .datetime({ offset: true, message: "A time like 2026-01-31T12:00:00.000Z is needed." })
  .transform((value) => new Date(value));

/** POST /api/me/read: the subheading, and the newest post its page showed. */
export const markReadSchema = z.object({ subheadingId: id, upTo: moment });
export type MarkReadInput = z.infer<typeof markReadSchema>;

/** "Mark all as read" on the catch-up page: the debate, and when the page was rendered. */
export const markDebateReadSchema = z.object({ debateId: id, upTo: moment });

/** GET /api/me/unread: one debate's subheadings, one subheading's posts, or (neither) the home page's debates. */
export const unreadQuerySchema = z
  .object({ debate: id.optional(), subheading: id.optional() })
  .refine((q) => !(q.debate && q.subheading), "Ask about a debate or a subheading, not both.");
