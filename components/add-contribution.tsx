"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useSession } from "next-auth/react";
import { useCallback, useState } from "react";
import type { ActionState } from "@/lib/action-state";
import { signInPath } from "@/lib/paths";
import { createPostAction } from "@/server/actions/posts";
import { ComposeForm } from "./compose/compose-form";
import { buttonClass } from "./field";

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
  const { data: session, status } = useSession();
  const pathname = usePathname();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const onSuccess = useCallback(
    (state: ActionState) => {
      setOpen(false);
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
        🔒 {lockedNotice}
      </p>
    );
  }
  if (status === "loading") return null;
  if (status !== "authenticated") {
    return (
      <p className="text-sm">
        <Link href={signInPath(pathname)} className="font-medium text-amber-800 hover:underline dark:text-amber-300">
          Sign in to add to the debate
        </Link>
      </p>
    );
  }
  if (session?.user.restriction) {
    return (
      <p
        role="note"
        className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200"
      >
        {session.user.restriction} You can still read everything.
      </p>
    );
  }
  if (!open) {
    return (
      <button type="button" className={buttonClass} onClick={() => setOpen(true)}>
        Add to the debate
      </button>
    );
  }
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
      onCancel={() => setOpen(false)}
    />
  );
}
