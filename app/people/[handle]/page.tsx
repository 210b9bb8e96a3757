import type { Metadata } from "next";
import { PLACEHOLDER_PARAM } from "@/lib/route-placeholder";
import { ProfileView, profileTitle } from "./_components/profile-view";

type Props = PageProps<"/people/[handle]">;

// Each URL renders on its first visit (from the tagged data cache in server/cache/reads.ts) and is
// then kept whole in Next's page cache until a write invalidates one of its tags (person:<id>).
export const instant = false;

export function generateStaticParams() {
  return [{ handle: PLACEHOLDER_PARAM }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: await profileTitle((await params).handle, null) };
}

/** A member's or an archive author's profile, with their newest posts. Older pages: ./after/[cursor]. */
export default async function ProfilePage({ params }: Props) {
  return <ProfileView handle={(await params).handle} cursor={null} />;
}
