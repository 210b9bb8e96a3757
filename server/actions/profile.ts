"use server";

import { updateProfileSchema } from "@/lib/schemas/account";
import { action } from "../http/action";
import { updateProfile } from "../users/update-profile";

/** The account page's "Your profile": display name, handle and bio. */
export const updateProfileAction = action(updateProfileSchema, updateProfile, ({ changed }) => ({
  message: changed ? "Your profile is saved." : "Nothing to change.",
}));
