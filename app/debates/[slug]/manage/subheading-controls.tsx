"use client";

import { ActionForm, SmallField } from "@/components/action-form";
import { ConfirmAction } from "@/components/confirm-action";
import {
  addSubheadingAction,
  archiveSubheadingAction,
  renameSubheadingAction,
  reorderSubheadingAction,
} from "@/server/actions/debates";

export function SubheadingControls({
  subheading,
  first,
  last,
}: {
  subheading: { id: string; title: string; archived: boolean };
  first: boolean;
  last: boolean;
}) {
  const hidden = { subheadingId: subheading.id };
  return (
    <div className="mt-3 space-y-2">
      <ActionForm
        action={renameSubheadingAction}
        hidden={hidden}
        submitLabel="Rename"
        pendingLabel="Renaming…"
        label={`Rename ${subheading.title}`}
      >
        {(state) => (
          <SmallField name="title" label="Title" state={state} defaultValue={subheading.title} width="w-60 sm:w-96" />
        )}
      </ActionForm>
      <div className="flex flex-wrap gap-2">
        {!first && (
          <ActionForm
            action={reorderSubheadingAction}
            hidden={{ ...hidden, direction: "up" }}
            submitLabel="Move up"
            pendingLabel="Moving…"
            label={`Move ${subheading.title} up`}
          />
        )}
        {!last && (
          <ActionForm
            action={reorderSubheadingAction}
            hidden={{ ...hidden, direction: "down" }}
            submitLabel="Move down"
            pendingLabel="Moving…"
            label={`Move ${subheading.title} down`}
          />
        )}
        {subheading.archived ? (
          <ActionForm
            action={archiveSubheadingAction}
            hidden={{ ...hidden, archived: "false" }}
            submitLabel="Restore"
            pendingLabel="Saving…"
            label={`Restore ${subheading.title}`}
          />
        ) : (
          <ConfirmAction
            action={archiveSubheadingAction}
            hidden={{ ...hidden, archived: "true" }}
            trigger="Archive"
            question={
              <>
                Archive “{subheading.title}”? It leaves the debate page and its outline, and nothing more can be posted
                under it; its posts stay readable at their links, and you can restore it here.
              </>
            }
            confirmLabel="Yes, archive"
            pendingLabel="Archiving…"
            label={`Archive ${subheading.title}`}
          />
        )}
      </div>
    </div>
  );
}

export function AddSubheadingForm({ debateId }: { debateId: string }) {
  return (
    <ActionForm
      action={addSubheadingAction}
      hidden={{ debateId }}
      submitLabel="Add subheading"
      pendingLabel="Adding…"
      label="Add a subheading"
      className="mt-2"
    >
      {(state) => (
        <>
          <SmallField name="title" label="Title" state={state} width="w-60 sm:w-96" required />
          <SmallField name="description" label="Description (optional)" state={state} width="w-60 sm:w-96" />
        </>
      )}
    </ActionForm>
  );
}
