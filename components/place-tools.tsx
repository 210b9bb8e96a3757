"use client";

import { lazyForMembers } from "@/components/lazy-component";
import { isStaff } from "@/lib/roles";

// Two parts of the debate, subheading and thread pages that load only for some viewers, in one
// module: the pages import both, and one module is one wrapper less in their script.

export type FollowButtonProps = {
  targetType: "debate" | "subheading" | "thread";
  targetId: string;
  /** What is followed, as the labels say it: "this debate", "this thread". */
  name: string;
};

/**
 * Where a member's follow button will be, until it is (its menu loading, then their state): its
 * height, so nothing on the page moves when it comes (it used to appear a moment after everything
 * else and push the page down by its height). Readers, who cannot follow, get nothing. The button
 * sits under a page's heading, its margin the same on every page.
 */
export const FOLLOW_SLOT = <div className="mt-3 h-7.5" />;

// The menu, its batched state request and its Server Action are loaded only once the session says
// a member is signed in: a reader, who cannot follow, never downloads them. A member sees the
// slot from the moment the session is known, in the same render as the page's other member controls.
/**
 * Follow, mute, or stop either, for a debate, a subheading or a thread, for signed-in members
 * (components/follow-menu.tsx); nothing for anyone else.
 */
export const FollowButton = lazyForMembers<FollowButtonProps>(
  () => import("./follow-menu").then((m) => m.FollowMenu),
  undefined,
  FOLLOW_SLOT,
);

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
