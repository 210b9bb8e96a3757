import { z } from "./zod";

/** What a member may choose (User.emailPreference), in the order the settings offer them. */
export const EMAIL_PREFERENCES = [
  { value: "none", label: "No email" },
  { value: "each", label: "An email for each reply or mention" },
  { value: "digest", label: "A daily digest of what I follow" },
] as const;

export type EmailPreference = (typeof EMAIL_PREFERENCES)[number]["value"];

export const emailPreferenceSchema = z.object({
  preference: z.enum(["none", "each", "digest"], { error: "Choose one of the options." }),
});
export type EmailPreferenceInput = z.infer<typeof emailPreferenceSchema>;

/** A stored preference as one of the three (anything else counts as "none"). */
export function asEmailPreference(value: string): EmailPreference {
  return value === "each" || value === "digest" ? value : "none";
}
