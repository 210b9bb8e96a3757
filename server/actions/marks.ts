"use server";

import { MARK_LABELS } from "@/lib/marks";
import { REPLY_TYPE_LABELS } from "@/lib/reply-types";
import { markPostSchema, retypeReplySchema } from "@/lib/schemas/marks";
import { action } from "../http/action";
import { markPost } from "../marks/mark-post";
import { retypeReply } from "../marks/retype-reply";

// Agreement marks and reply types (issue 12). Who may is decided in server/marks (lib/permissions.ts).

export const markPostAction = action(markPostSchema, markPost, ({ mark }) => ({
  message: mark ? `Marked: ${MARK_LABELS[mark].toLowerCase()}.` : "Your mark is taken back.",
}));

export const retypeReplyAction = action(retypeReplySchema, retypeReply, ({ replyType }) => ({
  message: replyType ? `This reply is now labelled “${REPLY_TYPE_LABELS[replyType]}”.` : "The label is removed.",
}));
