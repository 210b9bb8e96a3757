import { statusLabel } from "@/lib/synthesis";

// Named in app/globals.css: the label is repeated on the debate page, whose size is bounded.
const TONES: Record<string, string> = { open: "tone-open", converging: "tone-converging", settled: "tone-settled" };

/** The label's classes, for a status. */
export const statusClass = (status: string) => `badge ${TONES[status] ?? TONES.open}`;

/** A synthesis's status as a small label, in words ("Status: Converging" to a screen reader). */
export function StatusLabel({ status }: { status: string }) {
  return (
    <span className={statusClass(status)}>
      <span className="sr-only">Status: </span>
      {statusLabel(status)}
    </span>
  );
}
