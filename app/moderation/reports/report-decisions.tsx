"use client";

import { ActionForm, SmallField } from "@/components/action-form";
import { dismissReportsAction, hidePostAction } from "@/server/actions/moderation";
import { suspendUserAction } from "@/server/actions/users";

/** What a moderator can decide from the queue: hide the post, dismiss, or suspend its author. */
export function ReportDecisions({
  postId,
  authorId,
  hidden,
  name,
}: {
  postId: string;
  authorId: string | null;
  hidden: boolean;
  /** Which post of the queue, as its forms' names say it ("post 2, by …"): each landmark's name is unique. */
  name: string;
}) {
  return (
    <div className="mt-4 space-y-3 border-t border-stone-200 pt-3 dark:border-stone-800">
      {!hidden && (
        <ActionForm
          action={hidePostAction}
          hidden={{ postId }}
          submitLabel="Hide post"
          pendingLabel="Hiding…"
          label={`Hide ${name}`}
          danger
        >
          {(state) => <SmallField name="reason" label="Reason (readers see it)" state={state} required />}
        </ActionForm>
      )}
      <ActionForm
        action={dismissReportsAction}
        hidden={{ postId }}
        submitLabel="Dismiss reports"
        pendingLabel="Dismissing…"
        label={`Dismiss the reports on ${name}`}
      >
        {(state) => <SmallField name="reason" label="Note (optional)" state={state} />}
      </ActionForm>
      {authorId && (
        <ActionForm
          action={suspendUserAction}
          hidden={{ userId: authorId, reportPostId: postId }}
          submitLabel="Suspend author"
          pendingLabel="Suspending…"
          label={`Suspend the author of ${name}`}
          danger
        >
          {(state) => (
            <>
              <SmallField
                name="hours"
                type="number"
                label="For how many hours"
                state={state}
                defaultValue="24"
                width="w-28"
              />
              <SmallField name="reason" label="Reason (the member sees it)" state={state} required />
            </>
          )}
        </ActionForm>
      )}
    </div>
  );
}
