import { NotFoundMessage } from "@/components/not-found-message";

export default function NotFound() {
  return (
    <NotFoundMessage title="Page not found">
      There is nothing at this address. It may have been mistyped, or the page may have moved.
    </NotFoundMessage>
  );
}
