"use client";

import { lazyForMembers } from "@/components/lazy-component";

export type FollowButtonProps = {
  targetType: "debate" | "subheading" | "thread";
  targetId: string;
  /** What is followed, as the labels say it: "this debate", "this thread". */
  name: string;
  className?: string;
};

// The menu, its batched state request and its Server Action are loaded only once the session says
// a member is signed in: a reader, who cannot follow, never downloads them.
/**
 * Follow, mute, or stop either, for a debate, a subheading or a thread, for signed-in members
 * (components/follow-menu.tsx); nothing for anyone else.
 */
export const FollowButton = lazyForMembers<FollowButtonProps>(() => import("./follow-menu").then((m) => m.FollowMenu));
