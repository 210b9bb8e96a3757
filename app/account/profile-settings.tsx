import { connection } from "next/server";
import { Suspense } from "react";
import { getCurrentUser } from "@/server/auth/session";
import { getOwnProfile } from "@/server/users/update-profile";
import { ProfileForm } from "./profile-form";

/**
 * "Your profile" on the account page: display name, handle and bio, read per request for the
 * signed-in member (the page itself stays the same for everyone).
 */
export function ProfileSettings() {
  return (
    <Suspense fallback={<p className="mt-6 text-sm text-stone-500">Loading your profile…</p>}>
      <ProfileSettingsOfViewer />
    </Suspense>
  );
}

async function ProfileSettingsOfViewer() {
  await connection();
  const user = await getCurrentUser();
  if (!user) return null;
  const profile = await getOwnProfile(user.id);
  if (!profile) return null;
  return <ProfileForm current={{ name: profile.name, handle: profile.handle ?? "", bio: profile.bio ?? "" }} />;
}
