import "server-only";
import { POSTING_LOOKBACK_MS, postingRetryAfter } from "@/lib/rules/post-rate-limit";
import type { CreatePostInput } from "@/lib/schemas/post";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { AppError } from "../errors";
import { assertCanWrite } from "../users/can-write";
import { insertPost } from "./insert-post";

/**
 * A member adds a contribution under a subheading, or a reply beneath a post. Refused, with
 * nothing written, when the subheading or debate is locked or archived, the post answered is
 * gone, or the member is posting too fast.
 */
export async function createPost({ actor, ...input }: CreatePostInput & { actor: SessionUser }) {
  assertCanWrite(actor);
  const subheading = await db.subheading.findUnique({
    where: { id: input.subheadingId },
    select: {
      id: true,
      locked: true,
      archivedAt: true,
      slowModeSeconds: true,
      debate: { select: { id: true, slug: true, locked: true, archivedAt: true, slowModeSeconds: true } },
    },
  });
  if (!subheading || subheading.archivedAt || subheading.debate.archivedAt) {
    throw new AppError("NOT_FOUND", "That subheading does not exist (any more).", "subheadingId");
  }
  if (subheading.locked || subheading.debate.locked)
    throw new AppError("LOCKED", "This part of the debate is locked: it can be read, but no longer added to.");

  if (input.parentId) {
    const parent = await db.post.findUnique({
      where: { id: input.parentId },
      select: { subheadingId: true, deletedAt: true, hiddenAt: true },
    });
    if (!parent || parent.subheadingId !== subheading.id)
      throw new AppError("NOT_FOUND", "The post you are replying to does not exist.");
    if (parent.deletedAt || parent.hiddenAt)
      throw new AppError("INVALID", "That post has been removed, so it can't be replied to.");
  }

  const now = new Date();
  const recent = await db.post.findMany({
    where: { authorId: actor.id, createdAt: { gt: new Date(now.getTime() - POSTING_LOOKBACK_MS) } },
    select: { createdAt: true },
  });
  const wait = postingRetryAfter({ now, accountCreatedAt: actor.createdAt, recent: recent.map((p) => p.createdAt) });
  if (wait)
    throw new AppError(
      "RATE_LIMITED",
      `You are posting quickly. Please wait ${wait} second${wait === 1 ? "" : "s"} before posting again.`,
    );

  await assertSlowMode(actor.id, now, [
    { seconds: subheading.slowModeSeconds, where: { subheadingId: subheading.id }, place: "subheading" },
    { seconds: subheading.debate.slowModeSeconds, where: { debateId: subheading.debate.id }, place: "debate" },
  ]);

  const post = await db.$transaction((tx) =>
    insertPost(tx, {
      subheadingId: subheading.id,
      parentId: input.parentId,
      authorId: actor.id,
      title: input.parentId ? null : input.title,
      body: input.body,
      createdAt: now,
    }),
  );
  return { ...post, debateSlug: subheading.debate.slug };
}

/** Slow mode, set by a moderator on a subheading or debate: a minimum gap between one member's posts there. */
async function assertSlowMode(
  authorId: string,
  now: Date,
  rules: { seconds: number; where: { subheadingId: string } | { debateId: string }; place: string }[],
) {
  for (const rule of rules) {
    if (rule.seconds <= 0) continue;
    const last = await db.post.findFirst({
      where: { authorId, ...rule.where },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    });
    const wait = last ? Math.ceil((last.createdAt.getTime() + rule.seconds * 1000 - now.getTime()) / 1000) : 0;
    if (wait > 0)
      throw new AppError(
        "RATE_LIMITED",
        `Slow mode is on in this ${rule.place}: you can post again in ${wait} second${wait === 1 ? "" : "s"}.`,
      );
  }
}
