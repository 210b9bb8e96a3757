import { NotFoundMessage } from "@/components/not-found-message";

export default function ProfileNotFound() {
  return (
    <NotFoundMessage title="Profile not found">
      Nobody here has this handle. It may have changed; every author&apos;s name on a post links to their profile.
    </NotFoundMessage>
  );
}
