"use client";

import { ActionForm, SmallField } from "@/components/action-form";
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
          <SmallField name="title" label="Title" state={state} defaultValue={subheading.title} width="w-96" />
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
        <ActionForm
          action={archiveSubheadingAction}
          hidden={{ ...hidden, archived: String(!subheading.archived) }}
          submitLabel={subheading.archived ? "Restore" : "Archive"}
          pendingLabel="Saving…"
          label={`${subheading.archived ? "Restore" : "Archive"} ${subheading.title}`}
          danger={!subheading.archived}
        />
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
          <SmallField name="title" label="Title" state={state} width="w-96" required />
          <SmallField name="description" label="Description (optional)" state={state} width="w-96" />
        </>
      )}
    </ActionForm>
  );
}
