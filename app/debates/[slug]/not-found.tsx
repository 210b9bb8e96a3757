import { NotFoundMessage } from "@/components/not-found-message";

export default function DebateNotFound() {
  return (
    <NotFoundMessage title="Debate not found">
      We could not find this debate. Check the address, or pick one from the list of debates.
    </NotFoundMessage>
  );
}
