import { NotFoundMessage } from "@/components/not-found-message";

export default function PostNotFound() {
  return (
    <NotFoundMessage title="Post not found">
      There is no post at this address in this debate. The link may be incomplete.
    </NotFoundMessage>
  );
}
