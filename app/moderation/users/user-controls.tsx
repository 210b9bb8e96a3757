"use client";

import { ActionForm, SmallField } from "@/components/action-form";
import { ConfirmAction } from "@/components/confirm-action";
import { banUserAction, liftRestrictionsAction, setRoleAction, suspendUserAction } from "@/server/actions/users";

type Props = {
  userId: string;
  name: string;
  role: string;
  restricted: boolean;
  /** What the viewer may do to this member, by lib/permissions.ts. */
  canRestrict: boolean;
  canSetRole: boolean;
};

export function UserControls({ userId, name, role, restricted, canRestrict, canSetRole }: Props) {
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer font-medium">Moderate {name}</summary>
      <div className="mt-2 space-y-3">
        {canRestrict && (
          <>
            <ActionForm
              action={suspendUserAction}
              hidden={{ userId }}
              submitLabel="Suspend"
              pendingLabel="Suspending…"
              label={`Suspend ${name}`}
              danger
            >
              {(state) => (
                <>
                  <SmallField name="hours" type="number" label="Hours" state={state} defaultValue="24" width="w-24" />
                  <SmallField name="reason" label="Reason (they see it)" state={state} required width="w-60" />
                </>
              )}
            </ActionForm>
            <ConfirmAction
              action={banUserAction}
              hidden={{ userId }}
              trigger="Ban…"
              question={
                <>
                  Ban {name}? They can still read, but can no longer post, reply, edit or report until a moderator lifts
                  the ban.
                </>
              }
              confirmLabel={`Yes, ban ${name}`}
              pendingLabel="Banning…"
              label={`Ban ${name}`}
            >
              {(state) => (
                <SmallField name="reason" label="Reason (they see it)" state={state} required width="w-60 max-w-full" />
              )}
            </ConfirmAction>
            {restricted && (
              <ActionForm
                action={liftRestrictionsAction}
                hidden={{ userId }}
                submitLabel="Lift suspension or ban"
                pendingLabel="Lifting…"
                label={`Lift restrictions on ${name}`}
              />
            )}
          </>
        )}
        {canSetRole && (
          <ActionForm
            action={setRoleAction}
            hidden={{ userId }}
            submitLabel="Set role"
            pendingLabel="Saving…"
            label={`Role of ${name}`}
          >
            {() => (
              <label className="text-xs font-medium">
                Role
                <select
                  name="role"
                  defaultValue={role}
                  className="mt-0.5 block rounded border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-950"
                >
                  <option value="MEMBER">Member</option>
                  <option value="MODERATOR">Moderator</option>
                  <option value="ADMIN">Admin</option>
                </select>
              </label>
            )}
          </ActionForm>
        )}
      </div>
    </details>
  );
}
