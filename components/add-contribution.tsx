"use client";

import Link from "@/components/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { signInPath } from "@/lib/shell-paths";
import { buttonClass } from "./button-class";
import { FormPlaceholder } from "./compose/form-placeholder";
import { lazyComponent } from "./lazy-component";
import { useViewer } from "./use-viewer";

type Props = {
  debateId: string;
  /** Open subheadings to choose from, in order. */
  subheadings: { id: string; title: string }[];
  /** Preselected on a subheading's own page. */
  subheadingId?: string;
};

const ContributionForm = lazyComponent(
  () => import("./contribution-form").then((m) => m.ContributionForm),
  <FormPlaceholder />,
);

/**
 * "Add to the debate": a new top-level contribution, filed under the subheading it speaks to.
 * Where a lock forbids it, pages show a LockedNotice instead. The button is drawn as soon as the
 * session is known (loading it later moved the page under a reader's eyes); the form, its Server
 * Action and the compose form load when it opens.
 */
export function AddContribution({ debateId, subheadings, subheadingId }: Props) {
  const { viewer, loading } = useViewer();
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  // Closing the form gives focus back to the button that opened it.
  useEffect(() => {
    if (wasOpen.current && !open) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);
  // As tall as the button or the sign-in line that replaces it, so the page does not move then.
  if (loading) return <div className="h-10" />;
  if (!viewer) {
    return (
      <p className="flex h-10 items-center text-sm">
        {/* Not prefetched: most readers never follow it, and prefetching downloads the sign-in page's code. */}
        <Link href={signInPath(pathname)} prefetch={false} className="link-accent hover:underline">
          Sign in to add to the debate
        </Link>
      </p>
    );
  }
  if (viewer.restriction) {
    return (
      <p role="note" className="note-danger">
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
    <ContributionForm
      debateId={debateId}
      subheadings={subheadings}
      subheadingId={subheadingId}
      // The new post is shown instead: focus goes with the navigation, not back to the button.
      onPosted={() => {
        wasOpen.current = false;
        setOpen(false);
      }}
      onCancel={() => setOpen(false)}
    />
  );
}
