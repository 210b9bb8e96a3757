"use client";

import { useRouter } from "next/navigation";
import type { ActionState } from "@/lib/action-state";
import { createPostAction } from "@/server/actions/posts";
import { ComposeForm } from "./compose/compose-form";

/**
 * The form "Add to the debate" opens (components/add-contribution.tsx loads it then). After
 * posting, the new post's permalink: shown to its author first, wherever it landed.
 */
export function ContributionForm({
  debateId,
  subheadings,
  subheadingId,
  onPosted,
  onCancel,
}: {
  debateId: string;
  subheadings: { id: string; title: string }[];
  subheadingId?: string;
  onPosted: () => void;
  onCancel: () => void;
}) {
  const router = useRouter();
  const onSuccess = (state: ActionState) => {
    onPosted();
    if (state.redirectTo) router.push(state.redirectTo);
    router.refresh(); // drop this browser's cached copies of the pages the post changes
  };
  return (
    <ComposeForm
      action={createPostAction}
      draftKey={`${debateId}:${subheadingId ?? "debate"}:new`}
      subheadings={subheadings}
      defaultSubheadingId={subheadingId}
      withTitle
      label="Your contribution"
      submitLabel="Post contribution"
      pendingLabel="Posting…"
      onSuccess={onSuccess}
      onCancel={onCancel}
    />
  );
}
