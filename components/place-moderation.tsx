"use client";

import { lazyForMembers } from "@/components/lazy-component";
import { isStaff } from "@/lib/roles";

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
