"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ActionState } from "@/lib/action-state";
import { signInPath } from "@/lib/paths";
import { createPostAction } from "@/server/actions/posts";
import { LazyComposeForm } from "./compose/lazy-compose-form";
import { buttonClass } from "./field";
import { LockIcon } from "./icons";
import { useViewer } from "./use-viewer";

type Props = {
  debateId: string;
  /** Open subheadings to choose from, in order. */
  subheadings: { id: string; title: string }[];
  /** Preselected on a subheading's own page. */
  subheadingId?: string;
  /** Why nothing can be added here, when that is so (a lock). */
  lockedNotice?: string | null;
};

/** "Add to the debate": a new top-level contribution, filed under the subheading it speaks to. */
export function AddContribution({ debateId, subheadings, subheadingId, lockedNotice }: Props) {
  const { viewer, loading } = useViewer();
  const pathname = usePathname();
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

  if (lockedNotice) {
    return (
      <p
        role="note"
        className="rounded-md border border-stone-300 bg-stone-100 px-4 py-3 text-sm dark:border-stone-700 dark:bg-stone-900"
      >
        <LockIcon className="mr-1 h-4 w-4 align-[-0.15em]" /> {lockedNotice}
      </p>
    );
  }
  if (loading) return null;
  if (!viewer) {
    return (
      <p className="text-sm">
        {/* Not prefetched: most readers never follow it, and prefetching downloads the sign-in page's code. */}
        <Link
          href={signInPath(pathname)}
          prefetch={false}
          className="font-medium text-amber-800 hover:underline dark:text-amber-300"
        >
          Sign in to add to the debate
        </Link>
      </p>
    );
  }
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
