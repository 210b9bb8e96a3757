import "server-only";
import { REPLY_TYPE_LABELS, type ReplyType } from "@/lib/reply-types";
import { retypeRefusal } from "@/lib/permissions";
import { viewerOf, type SessionUser } from "../auth/session";
import { AppError, enforce } from "../errors";
import { logModeration } from "../moderation/log";
import { write } from "../write";
import { markTags } from "./mark-post";

const said = (type: string | null) =>
  type && type in REPLY_TYPE_LABELS ? REPLY_TYPE_LABELS[type as ReplyType] : "none";

/**
 * Changes how a reply relates to the post it answers: its author, or a moderator, whose change is
 * logged publicly ("retype", from → to). The label shows in the thread and the subheading's pages
 * (their counts, the type filter, "where we stand"); the debate and home pages show no types.
 */
export async function retypeReply({
  actor,
  postId,
  replyType,
}: {
  actor: SessionUser;
  postId: string;
  replyType: ReplyType | null;
}) {
  return write(async (w) => {
    const post = await w.tx.post.findUnique({
      where: { id: postId },
      select: {
        id: true,
        parentId: true,
        rootId: true,
        authorId: true,
        debateId: true,
        subheadingId: true,
        replyType: true,
        hiddenAt: true,
        deletedAt: true,
      },
    });
    if (!post) throw new AppError("NOT_FOUND", "That post does not exist.", "postId");
    const state = post.deletedAt ? ("deleted" as const) : post.hiddenAt ? ("hidden" as const) : ("visible" as const);
    enforce(retypeRefusal(viewerOf(actor), { ...post, state }));
    if ((post.replyType ?? null) === replyType) throw new AppError("INVALID", "Nothing has changed.", "replyType");
    await w.tx.post.update({ where: { id: postId }, data: { replyType } });
    w.touch(...markTags(post));
    if (actor.id !== post.authorId) {
      const { debateId, subheadingId } = post;
      const detail = `${said(post.replyType)} → ${said(replyType)}`;
      await logModeration(w, { actorId: actor.id, action: "retype", postId, debateId, subheadingId, detail });
    }
    return { id: post.id, replyType };
  });
}
