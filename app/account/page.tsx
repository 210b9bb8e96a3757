import type { Metadata } from "next";
import { AccountSettings } from "./account-settings";
import { ProfileSettings } from "./profile-settings";
import { EmailSettings } from "./email-settings";
import { NotificationSettings } from "./notification-settings";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

export default function AccountPage() {
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-bold tracking-tight">Your account</h1>
      <ProfileSettings />
      <AccountSettings />
      <EmailSettings />
      <NotificationSettings />
    </div>
  );
}
