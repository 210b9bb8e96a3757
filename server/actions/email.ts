"use server";

import { emailPreferenceSchema } from "@/lib/schemas/email";
import { action } from "../http/action";
import { setEmailPreference } from "../email/preference";

/** The member's own choice of email: none, one per reply or mention, or a daily digest. */
export const setEmailPreferenceAction = action(
  emailPreferenceSchema,
  setEmailPreference,
  "Your email setting is saved.",
);
