"use client";

import { lazyComponent } from "@/components/lazy-component";
import { isStaff } from "@/lib/roles";
import { useViewer } from "./use-viewer";

export type PlaceModerationProps = {
  /** A subheading or a whole debate. */
  place: { subheadingId: string } | { debateId: string };
  name: string;
  locked: boolean;
  slowModeSeconds: number;
  manageHref?: string;
};

// The forms and their Server Actions are loaded only once the session says the viewer is staff:
// no reader or member downloads a moderator's tools.
const PlaceModerationTools = lazyComponent(() =>
  import("./place-moderation-tools").then((m) => m.PlaceModerationTools),
);

/** Lock and slow mode for a subheading or debate, offered to moderators. */
export function PlaceModeration(props: PlaceModerationProps) {
  const { viewer } = useViewer();
  return isStaff(viewer) ? <PlaceModerationTools {...props} /> : null;
}
