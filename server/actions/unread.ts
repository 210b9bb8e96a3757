"use server";

import { markDebateReadSchema } from "@/lib/schemas/unread";
import { action } from "../http/action";
import { markDebateRead } from "../unread/mark-read";

export const markDebateReadAction = action(markDebateReadSchema, markDebateRead, "Everything here is marked as read.");
