"use server";

import { reportSchema } from "@/lib/schemas/moderation";
import { action } from "../http/action";
import { reportPost } from "../moderation/reports";

/** A member reports a post; it goes to the moderators' queue (nothing public changes). */
export const reportPostAction = action(reportSchema, reportPost, "Thank you: a moderator will look at it.");
