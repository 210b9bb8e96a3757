"use server";

import {
  dismissReportsSchema,
  hidePostSchema,
  lockSchema,
  movePostSchema,
  pinPostSchema,
  restorePostSchema,
  slowModeSchema,
} from "@/lib/schemas/moderation";
import { action } from "../http/action";
import { setLocked, setSlowMode, type Place } from "../moderation/places";
import { hidePost, movePost, restorePost, setPinned } from "../moderation/posts";
import { dismissReports } from "../moderation/reports";

// Moderator tools. The role is checked in server/moderation (lib/permissions.ts).

const placeOf = ({ subheadingId, debateId }: { subheadingId?: string; debateId?: string }): Place =>
  subheadingId ? { subheadingId } : { debateId: debateId! };

export const hidePostAction = action(
  "hidePostAction",
  hidePostSchema,
  (actor, input) => hidePost({ actor, ...input }),
  () => ({ message: "The post is hidden." }),
);

export const restorePostAction = action(
  "restorePostAction",
  restorePostSchema,
  (actor, input) => restorePost({ actor, ...input }),
  () => ({ message: "The post is visible again." }),
);

export const movePostAction = action(
  "movePostAction",
  movePostSchema,
  (actor, input) => movePost({ actor, ...input }),
  ({ moved }) => {
    const replies = moved - 1;
    return {
      message: `Moved the post${replies ? ` and ${replies === 1 ? "its reply" : `its ${replies} replies`}` : ""}.`,
    };
  },
);

export const pinPostAction = action(
  "pinPostAction",
  pinPostSchema,
  (actor, input) => setPinned({ actor, ...input }),
  (_post, input) => ({ message: input.pinned ? "Pinned to the top of its subheading." : "Unpinned." }),
);

export const setLockAction = action(
  "setLockAction",
  lockSchema,
  (actor, { locked, reason, ...place }) => setLocked({ actor, place: placeOf(place), locked, reason }),
  (_place, { locked }) => ({ message: locked ? "Locked: reading goes on, posting is refused." : "Unlocked." }),
);

export const setSlowModeAction = action(
  "setSlowModeAction",
  slowModeSchema,
  (actor, { seconds, ...place }) => setSlowMode({ actor, place: placeOf(place), seconds }),
  (_place, { seconds }) => ({
    message: seconds ? `Slow mode: ${seconds} seconds between a member's posts.` : "Slow mode is off.",
  }),
);

export const dismissReportsAction = action(
  "dismissReportsAction",
  dismissReportsSchema,
  (actor, input) => dismissReports({ actor, ...input }),
  () => ({ message: "Reports dismissed." }),
);
