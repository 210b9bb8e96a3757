"use server";

import { postSortSchema } from "@/lib/schemas/post-sort";
import { action } from "../http/action";
import { setPostSort } from "../users/post-sort";

/** The member's order for a subheading's contributions, remembered when they pick one. */
export const setPostSortAction = action(postSortSchema, setPostSort);
