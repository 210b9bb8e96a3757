import type { Metadata } from "next";
import { PLACEHOLDER_PARAM } from "@/lib/route-placeholder";
import { ProfileView, profileTitle } from "../../_components/profile-view";

type Props = PageProps<"/people/[handle]/after/[cursor]">;

// Older posts of a profile. The cursor is part of the path, so each page is cached whole like the
// first (see ../../page.tsx); a malformed cursor is a 404.
export const instant = false;

export function generateStaticParams() {
  return [{ handle: PLACEHOLDER_PARAM, cursor: PLACEHOLDER_PARAM }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { handle, cursor } = await params;
  return { title: await profileTitle(handle, cursor) };
}

export default async function ProfileOlderPage({ params }: Props) {
  const { handle, cursor } = await params;
  return <ProfileView handle={handle} cursor={cursor} />;
}
