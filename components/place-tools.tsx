"use client";

import { usePathname } from "next/navigation";
import Link from "@/components/link";
import { lazyComponent, lazyForMembers } from "@/components/lazy-component";
import { useViewer } from "@/components/use-viewer";
import { isStaff } from "@/lib/roles";
import { signInPath } from "@/lib/shell-paths";

// Two parts of the debate, subheading and thread pages that load only for some viewers, in one
// module: the pages import both, and one module is one wrapper less in their script.

export type FollowButtonProps = {
  targetType: "debate" | "subheading" | "thread";
  targetId: string;
  /** What is followed, as the labels say it: "this debate", "this thread". */
  name: string;
};

const FollowMenu = lazyComponent(() => import("./follow-menu").then((m) => m.FollowMenu));

// The menu, its batched state request and its Server Action are loaded only once the session says
// a member is signed in: a reader, who cannot follow, never downloads them.
/**
 * Follow, mute, or stop either, for a debate, a subheading or a thread: for a signed-in member the
 * menu (components/follow-menu.tsx), for a reader a "Follow" link that signs them in first. Its row
 * is there from the first render, as tall as the button, so nothing on the page moves when the
 * session or the member's state arrives (it used to push the whole page down a moment after it
 * appeared). Its looks are named in app/globals.css (`follow-button`).
 */
export function FollowButton(props: FollowButtonProps) {
  const { viewer, loading } = useViewer();
  const pathname = usePathname();
  return (
    <div className="mt-3 h-7.5">
      {loading ? null : viewer ? (
        <FollowMenu {...props} />
      ) : (
        // Not prefetched: most readers never follow it, and prefetching downloads the sign-in page's code.
        <Link href={signInPath(pathname)} prefetch={false} className="follow-button follow-plain">
          Follow<span className="sr-only"> {props.name} (sign in first)</span>
        </Link>
      )}
    </div>
  );
}

export type PlaceModerationProps = {
  /** A subheading or a whole debate. */
  place: { subheadingId: string } | { debateId: string };
  name: string;
  locked: boolean;
  slowModeSeconds: number;
  manageHref?: string;
};

/**
 * Lock and slow mode for a subheading or debate, offered to moderators. The forms and their Server
 * Actions are loaded only once the session says the viewer is staff: no reader or member
 * downloads a moderator's tools.
 */
export const PlaceModeration = lazyForMembers<PlaceModerationProps>(
  () => import("./place-moderation-tools").then((m) => m.PlaceModerationTools),
  isStaff,
);
