"use server";

import { z } from "@/lib/schemas/zod";
import { setFollow, setFollowOwnThreads } from "../follows/set-follow";
import { FOLLOW_TARGET_TYPES } from "../follows/targets";
import { action } from "../http/action";

const setFollowSchema = z.object({
  targetType: z.enum(FOLLOW_TARGET_TYPES),
  targetId: z.string().trim().min(1).max(64),
  level: z.enum(["follow", "mute", "none"]),
});

/** Follow, mute, or stop either, for a debate, a subheading or a thread. */
export const setFollowAction = action(setFollowSchema, setFollow, ({ level }) => ({
  message: level === "follow" ? "Following." : level === "mute" ? "Muted." : "Stopped following.",
}));

/** "Follow threads I post in" (the account page). */
export const setFollowOwnThreadsAction = action(
  z.object({ followOwnThreads: z.enum(["true", "false"]).transform((v) => v === "true") }),
  setFollowOwnThreads,
  "Saved.",
);
