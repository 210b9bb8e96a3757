import { connection } from "next/server";
import { Suspense } from "react";
import { getCurrentUser } from "@/server/auth/session";
import { getEmailPreference } from "@/server/email/preference";
import { emailEnabled } from "@/server/email/transport";
import { EmailPreferenceForm } from "./email-preference-form";

/**
 * The member's choice of email, on their account page: only when the site sends email (SMTP_URL),
 * read at request time (a build without SMTP_URL must not hide it from a server started with it).
 */
export function EmailSettings() {
  return (
    <Suspense fallback={null}>
      <EmailSettingsOfViewer />
    </Suspense>
  );
}

export async function EmailSettingsOfViewer() {
  await connection();
  if (!emailEnabled()) return null;
  const user = await getCurrentUser();
  if (!user) return null;
  return <EmailPreferenceForm current={await getEmailPreference(user.id)} />;
}
