import "server-only";
import { cacheTags } from "@/lib/cache-tags";
import type { Write } from "../write";
import { notifyAfterCommit } from "../notifications/jobs";
import { isNotifiedModeration } from "../notifications/moderation-recipients";

export type ModerationEntry = {
  actorId: string;
  action:
    | "hide_post"
    | "restore_post"
    | "edit_post"
    | "retype"
    | "move_post"
    | "pin_post"
    | "unpin_post"
    | "lock_subheading"
    | "unlock_subheading"
    | "lock_debate"
    | "unlock_debate"
    | "slow_mode_subheading"
    | "slow_mode_debate"
    | "suspend_user"
    | "ban_user"
    | "lift_restrictions"
    | "set_role"
    | "dismiss_reports"
    | "create_debate"
    | "add_subheading"
    | "rename_subheading"
    | "reorder_subheading"
    | "archive_subheading"
    | "restore_subheading"
    // Proposals (server/proposals/): a moderator's early close; an outcome recorded or changed.
    | "close_proposal"
    | "record_outcome"
    // Syntheses (server/synthesis/): a direct edit, a change of status, a proposed edit decided.
    | "synthesis_edit"
    | "synthesis_status"
    | "synthesis_accept"
    | "synthesis_reject";
  reason?: string | null;
  debateId?: string | null;
  subheadingId?: string | null;
  postId?: string | null;
  targetUserId?: string | null;
  fromSubheadingId?: string | null;
  toSubheadingId?: string | null;
  detail?: string | null;
};

/**
 * Records a moderator's or admin's action, in the same write as the action itself; the public
 * log shows it from then on.
 */
export async function logModeration(w: Write, entry: ModerationEntry): Promise<void> {
  const { id } = await w.tx.moderationAction.create({ data: entry, select: { id: true } });
  w.touch(cacheTags.moderationLog());
  // Hidden, restored, moved, suspended, banned: the member it concerns is told (after the commit).
  if (isNotifiedModeration(entry.action)) await notifyAfterCommit(w, "moderation", id);
}
