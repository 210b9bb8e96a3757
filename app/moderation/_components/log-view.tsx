import Link from "@/components/link";
import { notFound } from "next/navigation";
import { PostDate } from "@/components/post-date";
import { decodeCursor, encodeCursor } from "@/lib/cursor";
import { debatePath, moderationLogPath, postPath, subheadingPath } from "@/lib/paths";
import { readModerationLog } from "@/server/cache/reads";

const VERBS: Record<string, string> = {
  hide_post: "hid a post",
  restore_post: "restored a post",
  edit_post: "edited a post",
  retype: "changed how a reply relates to its post",
  move_post: "moved a post",
  pin_post: "pinned a contribution",
  unpin_post: "unpinned a contribution",
  lock_subheading: "locked a subheading",
  unlock_subheading: "unlocked a subheading",
  lock_debate: "locked a debate",
  unlock_debate: "unlocked a debate",
  slow_mode_subheading: "set slow mode on a subheading",
  slow_mode_debate: "set slow mode on a debate",
  suspend_user: "suspended a member",
  ban_user: "banned a member",
  lift_restrictions: "lifted a member's suspension or ban",
  set_role: "changed a member's role",
  dismiss_reports: "dismissed reports on a post",
  create_debate: "opened a debate",
  add_subheading: "added a subheading",
  rename_subheading: "renamed a subheading",
  reorder_subheading: "reordered a subheading",
  archive_subheading: "archived a subheading",
  restore_subheading: "restored a subheading",
  synthesis_edit: "edited a synthesis",
  synthesis_status: "changed a synthesis's status",
  synthesis_accept: "accepted a proposed edit to a synthesis",
  synthesis_reject: "rejected a proposed edit to a synthesis",
  close_proposal: "closed a proposal before its time",
  record_outcome: "recorded the outcome of a proposal",
};

/** The public moderation log: who did what, to what, when and why. Reporters are never named. */
export async function LogView({ before }: { before: string | null }) {
  if (before !== null && !decodeCursor(before)) notFound();
  const { entries, next } = await readModerationLog(before);
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Moderation log</h1>
      <p className="mt-1 text-stone-600 dark:text-stone-400">
        Every action a moderator or admin takes is listed here, newest first, so anyone can see that moderation is fair.
      </p>
      {entries.length === 0 ? (
        <p className="mt-6 text-stone-600 italic dark:text-stone-400">Nothing has been moderated yet.</p>
      ) : (
        <ol className="mt-6 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
          {entries.map((e) => (
            <li key={e.id} className="px-4 py-3 text-sm">
              <article aria-label={`${e.moderator} ${VERBS[e.action] ?? e.action}`}>
                <p>
                  <span className="font-medium">{e.moderator}</span> {VERBS[e.action] ?? e.action}
                  {e.targetUser && (
                    <>
                      : <span className="font-medium">{e.targetUser}</span>
                    </>
                  )}
                  {e.postId && e.debate && (
                    <>
                      {" "}
                      (
                      <Link href={postPath(e.debate.slug, e.postId)} className="underline">
                        the post
                      </Link>
                      )
                    </>
                  )}
                  {e.from && e.to && e.debate && (
                    <>
                      {" "}
                      from{" "}
                      <Link href={subheadingPath(e.debate.slug, e.from.slug)} className="underline">
                        “{e.from.title}”
                      </Link>{" "}
                      to{" "}
                      <Link href={subheadingPath(e.debate.slug, e.to.slug)} className="underline">
                        “{e.to.title}”
                      </Link>
                    </>
                  )}
                  {!e.from && e.subheading && e.debate && !e.postId && (
                    <>
                      :{" "}
                      <Link href={subheadingPath(e.debate.slug, e.subheading.slug)} className="underline">
                        “{e.subheading.title}”
                      </Link>
                    </>
                  )}
                  {!e.subheading && !e.postId && e.debate && (
                    <>
                      :{" "}
                      <Link href={debatePath(e.debate.slug)} className="underline">
                        “{e.debate.title}”
                      </Link>
                    </>
                  )}
                  {e.detail && <span className="text-stone-600 dark:text-stone-400"> — {e.detail}</span>}
                </p>
                {e.reason && <p className="text-stone-700 dark:text-stone-300">Reason: {e.reason}</p>}
                <p className="text-xs text-stone-500">
                  <PostDate date={e.createdAt} known />
                </p>
              </article>
            </li>
          ))}
        </ol>
      )}
      {(next || before) && (
        <nav aria-label="Pages of the log" className="mt-4 flex gap-4 text-sm">
          {before && (
            <Link href={moderationLogPath()} className="underline">
              ← Newest
            </Link>
          )}
          {next && (
            <Link href={moderationLogPath(encodeCursor(next))} className="underline">
              Older entries →
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
