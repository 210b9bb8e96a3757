"use client";

import Link from "@/components/link";
import { usePathname } from "next/navigation";
import { signInPath } from "@/lib/shell-paths";
import { lazyComponent } from "./lazy-component";
import { useViewer } from "./use-viewer";

export type AddContributionProps = {
  debateId: string;
  /** Open subheadings to choose from, in order. */
  subheadings: { id: string; title: string }[];
  /** Preselected on a subheading's own page. */
  subheadingId?: string;
};

// The button, the form and its Server Action are loaded only once the session says a member is
// signed in: a reader, who is shown the way to sign in, never downloads them.
const AddContributionForm = lazyComponent(() => import("./add-contribution-form").then((m) => m.AddContributionForm));

/**
 * "Add to the debate": a new top-level contribution, filed under the subheading it speaks to.
 * Where a lock forbids it, pages show a LockedNotice instead.
 */
export function AddContribution(props: AddContributionProps) {
  const { viewer, loading } = useViewer();
  const pathname = usePathname();

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
  return <AddContributionForm viewer={viewer} {...props} />;
}
