import { NotFoundMessage } from "@/components/not-found-message";

export default function SubheadingNotFound() {
  return (
    <NotFoundMessage title="Subheading not found">
      This debate has no subheading at this address. It may have been renamed; the debate page lists them all.
    </NotFoundMessage>
  );
}
