import { DISPLAY_NAME_MAX, displayNameRefusal, normalizeDisplayName } from "../display-name";
import { handleRefusal, normalizeHandle } from "../handle";
import { markdownRefusal } from "../markdown";
import { z } from "./zod";
import { BIO_MAX, HONEYPOT_FIELD, PASSWORD_MAX, PASSWORD_MIN } from "../limits";

export { BIO_MAX, HONEYPOT_FIELD, PASSWORD_MAX, PASSWORD_MIN };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const email = z
  .string()
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .transform(normalizeEmail)
  .pipe(z.email("Enter a valid email address."));

/**
 * A display name, normalised (NFKC, spaces collapsed) and refused when it hides characters or has no
 * letter (lib/display-name.ts). Whether it looks like someone else's is the server's to say.
 */
export const displayNameSchema = z
  .string()
  .max(1000, `Keep your display name to ${DISPLAY_NAME_MAX} characters.`)
  .transform(normalizeDisplayName)
  .superRefine((name, ctx) => {
    const refusal = displayNameRefusal(name);
    if (refusal) ctx.addIssue({ code: "custom", message: refusal });
  });

/**
 * A handle as typed (lib/handle.ts), in its normal form: lower case, without a leading "@". Whether
 * someone has it is the server's to say.
 */
export const handleSchema = z
  .string()
  .max(100, "Keep your handle to 30 characters.")
  .transform(normalizeHandle)
  .superRefine((handle, ctx) => {
    const refusal = handleRefusal(handle);
    if (refusal) ctx.addIssue({ code: "custom", message: refusal });
  });

export const signUpSchema = z.object({
  name: displayNameSchema,
  /** Empty: one is made from the display name (server/users/handle.ts). */
  handle: z
    .string()
    .max(100, "Keep your handle to 30 characters.")
    .optional()
    .transform((typed) => normalizeHandle(typed ?? ""))
    .superRefine((handle, ctx) => {
      const refusal = handle && handleRefusal(handle);
      if (refusal) ctx.addIssue({ code: "custom", message: refusal });
    }),
  email,
  password: z
    .string()
    .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
    .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

/** What the sign-up form sends (HONEYPOT_FIELD: see lib/limits.ts): the account's fields and the honeypot (true when it was filled). */
export const signUpFormSchema = signUpSchema.extend({
  [HONEYPOT_FIELD]: z
    .string()
    .optional()
    .transform((value) => !!value?.trim()),
});
export type SignUpFormInput = z.infer<typeof signUpFormSchema>;

export const signInSchema = z.object({
  email: z.string().trim().max(254).transform(normalizeEmail),
  password: z.string().min(1).max(PASSWORD_MAX),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(PASSWORD_MAX),
  newPassword: z
    .string()
    .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
    .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`),
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** The account page's "Your profile": display name, handle and bio (Markdown; empty removes it). */
export const updateProfileSchema = z.object({
  name: displayNameSchema,
  handle: handleSchema,
  bio: z
    .string()
    .trim()
    .max(BIO_MAX, `Keep your bio to ${BIO_MAX} characters.`)
    .superRefine((bio, ctx) => {
      const refusal = markdownRefusal(bio);
      if (refusal) ctx.addIssue({ code: "custom", message: refusal });
    }),
});
export type UpdateProfileInput = z.infer<typeof updateProfileSchema>;
