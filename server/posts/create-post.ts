import "server-only";
import { createHash } from "node:crypto";
import { POSTING_LOOKBACK_MS, postingRetryAfter } from "@/lib/rules/post-rate-limit";
import type { ReplyType } from "@/lib/reply-types";
import type { CreatePostInput } from "@/lib/schemas/post";
import { postRefusal, replyRefusal, writeRefusal } from "@/lib/permissions";
import { viewerOf, type SessionUser } from "../auth/session";
import { db, type DbTx } from "../db";
import { AppError, enforce, RetryLater } from "../errors";
import { renderUserMarkdown } from "../markdown/render-markdown";
import { write } from "../write";
import { lockPostingOf } from "./posting-lock";
import { addressPostingRetryAfter } from "./address-posting-limit";
import { insertPost } from "./insert-post";
import { livePostEvent, publishLive } from "../live/publish";
import { notifyAfterCommit } from "../notifications/jobs";
import { followOwnThread } from "../follows/set-follow";

/**
 * A member adds a contribution under a subheading, or a reply beneath a post. Refused, with
 * nothing written, when the subheading or debate is locked or archived, the post answered is
 * gone, or the member is posting too fast. The checks run inside the write transaction, after
 * lockPostingOf, so two posts sent at once (to any instances) cannot both slip under a limit. A submission sent
 * again with the same idempotency key (its answer was lost) gets the post it already made.
 */
/** Refuses a member posting too fast, alone or with the other new accounts from their address. */
async function enforcePostingPace(tx: DbTx, actor: SessionUser, now: Date): Promise<void> {
  const recent = await tx.post.findMany({
    where: { authorId: actor.id, createdAt: { gt: new Date(now.getTime() - POSTING_LOOKBACK_MS) } },
    select: { createdAt: true },
  });
  const wait = postingRetryAfter({ now, accountCreatedAt: actor.createdAt, recent: recent.map((p) => p.createdAt) });
  if (wait) {
    throw new RetryLater(
      `You are posting quickly. Please wait ${wait} second${wait === 1 ? "" : "s"} before posting again.`,
      wait,
    );
  }
  const addressWait = await addressPostingRetryAfter(tx, actor, now);
  if (addressWait) {
    throw new RetryLater(
      `New accounts from your network are posting quickly. Please wait ${addressWait} second${addressWait === 1 ? "" : "s"} before posting again.`,
      addressWait,
    );
  }
}

type NewPost = Omit<CreatePostInput, "idempotencyKey" | "replyType"> & {
  idempotencyKey?: string | null;
  replyType?: ReplyType | null;
  actor: SessionUser;
};

/**
 * The key a post is stored under: the form's key bound to what was sent. The same submission sent
 * again finds its post; a different text sent with the same key makes a post of its own instead of
 * being answered with the first one (two tabs restore the same draft, and so its key: the second
 * tab's post was once answered "posted" with the first tab's post, its own text dropped).
 */
function submissionKey(input: Omit<NewPost, "actor">): string | null {
  if (!input.idempotencyKey) return null;
  const sent = JSON.stringify([input.subheadingId, input.parentId ?? null, input.title ?? null, input.body]);
  return `${input.idempotencyKey}:${createHash("sha256").update(sent).digest("base64url").slice(0, 22)}`;
}

export async function createPost({ actor, ...input }: NewPost) {
  const viewer = viewerOf(actor);
  enforce(writeRefusal(viewer));
  if (input.replyType && !input.parentId) {
    throw new AppError("INVALID", "Only a reply can say how it relates to a post.", "replyType");
  }
  const idempotencyKey = submissionKey(input);
  // Checked before rendering too, so a member over the limit costs no render; not for a resent
  // submission, whose post (found in the transaction) may be the one that used up the allowance.
  const resent =
    idempotencyKey &&
    (await db.post.findUnique({
      where: { authorId_idempotencyKey: { authorId: actor.id, idempotencyKey } },
      select: { id: true },
    }));
  if (!resent) await enforcePostingPace(db, actor, new Date());
  const bodyHtml = await renderUserMarkdown(input.body, actor.id);
  return write(async (w) => {
    const { tx } = w;
    // First, so a submission sent twice at once finds the post the first one made.
    await lockPostingOf(tx, actor, new Date());
    if (idempotencyKey) {
      const made = await tx.post.findUnique({
        where: { authorId_idempotencyKey: { authorId: actor.id, idempotencyKey } },
        select: { ...madeSelect, debate: { select: { slug: true } } },
      });
      if (made) return { ...made, debateSlug: made.debate.slug };
    }
    const subheading = await tx.subheading.findUnique({
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
    const place = { locked: subheading.locked || subheading.debate.locked };
    let parent: { id: string; depth: number; rootId: string | null; subheadingId: string } | null = null;
    if (input.parentId) {
      const found = await tx.post.findUnique({
        where: { id: input.parentId },
        select: {
          id: true,
          depth: true,
          rootId: true,
          subheadingId: true,
          authorId: true,
          deletedAt: true,
          hiddenAt: true,
        },
      });
      if (!found || found.subheadingId !== subheading.id) {
        throw new AppError("NOT_FOUND", "The post you are replying to does not exist.");
      }
      const state = found.deletedAt ? "deleted" : found.hiddenAt ? "hidden" : "visible";
      enforce(replyRefusal(viewer, { authorId: found.authorId, state }, place), "INVALID");
      parent = found;
    } else {
      enforce(postRefusal(viewer, place), "LOCKED");
    }

    const now = new Date();
    await enforcePostingPace(tx, actor, now);

    await assertSlowMode(tx, actor.id, now, [
      { seconds: subheading.slowModeSeconds, where: { subheadingId: subheading.id }, place: "subheading" },
      { seconds: subheading.debate.slowModeSeconds, where: { debateId: subheading.debate.id }, place: "debate" },
    ]);

    const post = await insertPost(w, {
      subheadingId: subheading.id,
      parentId: input.parentId,
      authorId: actor.id,
      title: input.parentId ? null : input.title,
      body: input.body,
      bodyHtml,
      idempotencyKey,
      replyType: input.replyType ?? null,
      known: { debateId: subheading.debate.id, parent },
      createdAt: now,
    });
    // Open pages learn of it once it is committed and their cached reads invalidated.
    w.after(() => publishLive(livePostEvent(post)));
    // Who it concerns is told after the commit, from a job written with the post (never losing it).
    await notifyAfterCommit(w, "post", post.id);
    await followOwnThread(tx, actor.id, post.rootId ?? post.id);
    return { ...post, debateSlug: subheading.debate.slug };
  });
}

const madeSelect = { id: true, debateId: true, subheadingId: true, parentId: true, rootId: true, depth: true } as const;

/** Slow mode, set by a moderator on a subheading or debate: a minimum gap between one member's posts there. */
async function assertSlowMode(
  tx: DbTx,
  authorId: string,
  now: Date,
  rules: { seconds: number; where: { subheadingId: string } | { debateId: string }; place: string }[],
) {
  for (const rule of rules) {
    if (rule.seconds <= 0) continue;
    const last = await tx.post.findFirst({
      where: { authorId, ...rule.where },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    });
    const wait = last ? Math.ceil((last.createdAt.getTime() + rule.seconds * 1000 - now.getTime()) / 1000) : 0;
    if (wait > 0) {
      throw new RetryLater(
        `Slow mode is on in this ${rule.place}: you can post again in ${wait} second${wait === 1 ? "" : "s"}.`,
        wait,
      );
    }
  }
}
