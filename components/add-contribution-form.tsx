"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ActionState } from "@/lib/action-state";
import { createPostAction } from "@/server/actions/posts";
import type { Viewer } from "@/lib/permissions";
import { LazyComposeForm } from "./compose/lazy-compose-form";
import { buttonClass } from "./field";
import type { AddContributionProps } from "./add-contribution";

/**
 * "Add to the debate" for a signed-in member: the button, and the form it opens (or why they may
 * not post). Loaded by AddContribution only once the session says someone is signed in.
 */
export function AddContributionForm({
  viewer,
  debateId,
  subheadings,
  subheadingId,
}: AddContributionProps & { viewer: NonNullable<Viewer> }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  // Closing the form gives focus back to the button that opened it.
  useEffect(() => {
    if (wasOpen.current && !open) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);
  const onSuccess = useCallback(
    (state: ActionState) => {
      wasOpen.current = false; // the new post is shown instead: focus goes with the navigation
      setOpen(false);
      // The new post's permalink: shown to its author first, wherever it landed.
      if (state.redirectTo) router.push(state.redirectTo);
      router.refresh(); // drop this browser's cached copies of the pages the post changes
    },
    [router],
  );

  if (viewer.restriction) {
    return (
      <p
        role="note"
        className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200"
      >
        {viewer.restriction} You can still read everything.
      </p>
    );
  }
  if (!open) {
    return (
      <button ref={opener} type="button" className={buttonClass} onClick={() => setOpen(true)}>
        Add to the debate
      </button>
    );
  }
  return (
    <LazyComposeForm
      action={createPostAction}
      draftKey={`${debateId}:${subheadingId ?? "debate"}:new`}
      subheadings={subheadings}
      defaultSubheadingId={subheadingId}
      withTitle
      label="Your contribution"
      submitLabel="Post contribution"
      pendingLabel="Posting…"
      onSuccess={onSuccess}
      onCancel={() => setOpen(false)}
    />
  );
}
