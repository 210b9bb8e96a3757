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

// Moderator tools. Who may use them is decided in server/moderation (lib/permissions.ts).

const placeOf = ({ subheadingId, debateId }: { subheadingId?: string; debateId?: string }): Place =>
  subheadingId ? { subheadingId } : { debateId: debateId! };

export const hidePostAction = action(hidePostSchema, hidePost, "The post is hidden.");

export const restorePostAction = action(restorePostSchema, restorePost, "The post is visible again.");

export const movePostAction = action(movePostSchema, movePost, ({ moved }) => {
  const replies = moved - 1;
  return {
    message: `Moved the post${replies ? ` and ${replies === 1 ? "its reply" : `its ${replies} replies`}` : ""}.`,
  };
});

export const pinPostAction = action(pinPostSchema, setPinned, (_post, { pinned }) => ({
  message: pinned ? "Pinned to the top of its subheading." : "Unpinned.",
}));

export const setLockAction = action(
  lockSchema,
  ({ actor, locked, reason, ...place }) => setLocked({ actor, place: placeOf(place), locked, reason }),
  (_place, { locked }) => ({ message: locked ? "Locked: reading goes on, posting is refused." : "Unlocked." }),
);

export const setSlowModeAction = action(
  slowModeSchema,
  ({ actor, seconds, ...place }) => setSlowMode({ actor, place: placeOf(place), seconds }),
  (_place, { seconds }) => ({
    message: seconds ? `Slow mode: ${seconds} seconds between a member's posts.` : "Slow mode is off.",
  }),
);

export const dismissReportsAction = action(dismissReportsSchema, dismissReports, "Reports dismissed.");
