import "server-only";
import { RENDER_VERSION, renderMarkdown } from "@/lib/markdown";
import { postTags } from "@/lib/cache-tags";
import { countNewPost } from "../db-sql";
import { AppError } from "../errors";
import type { Write } from "../write";

export type InsertPostInput = {
  subheadingId: string;
  parentId?: string | null;
  authorId: string | null;
  title?: string | null;
  body: string;
  /** The body rendered beforehand, so that rendering never happens while the write lock is held. */
  bodyHtml?: string;
  attributionNote?: string | null;
  sourceUrl?: string | null;
  importKey?: string | null;
  idempotencyKey?: string | null;
  /** How a reply relates to its parent (lib/reply-types.ts); ignored on a contribution. */
  replyType?: string | null;
  createdAt?: Date;
  dateKnown?: boolean;
  /** What the caller already read in this transaction (its checks need it): not read again. */
  known?: { debateId: string; parent: ParentFacts | null };
};

type ParentFacts = { id: string; depth: number; rootId: string | null; subheadingId: string };

/**
 * Writes a post and every counter that counts it, and touches the tags of every read that shows
 * them. Runs inside the caller's write: the counters and the row commit together or not at all.
 * Authorization is the caller's.
 */
export async function insertPost({ tx, touch }: Write, input: InsertPostInput) {
  const bodyHtml = input.bodyHtml ?? renderMarkdown(input.body);
  const createdAt = input.createdAt ?? new Date();

  const subheading = input.known
    ? { id: input.subheadingId, debateId: input.known.debateId }
    : await tx.subheading.findUnique({ where: { id: input.subheadingId }, select: { id: true, debateId: true } });
  if (!subheading) throw new AppError("NOT_FOUND", "That subheading does not exist.");

  let depth = 0;
  let rootId: string | null = null;
  if (input.parentId) {
    const parent =
      input.known?.parent ??
      (await tx.post.findUnique({
        where: { id: input.parentId },
        select: { id: true, depth: true, rootId: true, subheadingId: true },
      }));
    if (!parent || parent.id !== input.parentId) {
      throw new AppError("NOT_FOUND", "The post you are replying to does not exist.");
    }
    // A reply lives in its thread's subheading; moving a thread moves all of it.
    if (parent.subheadingId !== subheading.id)
      throw new AppError("INVALID", "A reply must sit in the same subheading as the post it answers.");
    depth = parent.depth + 1;
    rootId = parent.rootId ?? parent.id;
  }

  const post = await tx.post.create({
    data: {
      debateId: subheading.debateId,
      subheadingId: subheading.id,
      parentId: input.parentId ?? null,
      rootId,
      depth,
      authorId: input.authorId,
      title: input.title ?? null,
      body: input.body,
      bodyHtml,
      renderVersion: RENDER_VERSION,
      attributionNote: input.attributionNote ?? null,
      sourceUrl: input.sourceUrl ?? null,
      importKey: input.importKey ?? null,
      idempotencyKey: input.idempotencyKey ?? null,
      replyType: input.parentId ? (input.replyType ?? null) : null,
      createdAt,
      dateKnown: input.dateKnown ?? true,
    },
    select: { id: true, debateId: true, subheadingId: true, parentId: true, rootId: true, depth: true, authorId: true },
  });

  // Last activity is shown as a date, so an imported post whose date is a stand-in leaves it be.
  const at = input.dateKnown === false ? null : createdAt;
  await countNewPost(tx, { subheadingId: subheading.id, debateId: subheading.debateId, reply: !!input.parentId, at });
  if (input.parentId) await tx.post.update({ where: { id: input.parentId }, data: { replyCount: { increment: 1 } } });

  touch(...postTags(post));
  return post;
}
