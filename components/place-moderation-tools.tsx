"use client";

import Link from "@/components/link";
import { setLockAction, setSlowModeAction } from "@/server/actions/moderation";
import { ActionForm, SmallField } from "./action-form";
import type { PlaceModerationProps } from "./place-tools";

/** Lock and slow mode for a subheading or debate (components/place-tools.tsx loads it for staff only). */
export function PlaceModerationTools({ place, name, locked, slowModeSeconds, manageHref }: PlaceModerationProps) {
  const hidden: Record<string, string> =
    "subheadingId" in place ? { subheadingId: place.subheadingId } : { debateId: place.debateId };
  return (
    <details className="mt-4 rounded-md border border-violet-200 bg-violet-50/60 px-3 py-2 text-sm dark:border-violet-900 dark:bg-violet-950/30">
      <summary className="cursor-pointer font-medium text-violet-900 dark:text-violet-200">Moderate {name}</summary>
      <div className="mt-2 space-y-3">
        <ActionForm
          action={setLockAction}
          hidden={{ ...hidden, locked: String(!locked) }}
          submitLabel={locked ? `Unlock ${name}` : `Lock ${name}`}
          pendingLabel="Saving…"
          label={locked ? `Unlock ${name}` : `Lock ${name}`}
        >
          {(state) => <SmallField name="reason" label="Reason (optional, for the log)" state={state} />}
        </ActionForm>
        <ActionForm
          action={setSlowModeAction}
          hidden={hidden}
          submitLabel="Set slow mode"
          pendingLabel="Saving…"
          label={`Slow mode for ${name}`}
        >
          {(state) => (
            <SmallField
              name="seconds"
              type="number"
              label="Seconds between a member's posts (0 = off)"
              state={state}
              defaultValue={String(slowModeSeconds)}
              width="w-40"
            />
          )}
        </ActionForm>
        {manageHref && (
          <p>
            <Link href={manageHref} className="font-medium text-violet-900 underline dark:text-violet-200">
              Manage subheadings
            </Link>
          </p>
        )}
      </div>
    </details>
  );
}
