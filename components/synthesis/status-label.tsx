import { statusLabel } from "@/lib/synthesis";

const TONES: Record<string, string> = {
  open: "bg-stone-100 text-stone-800 ring-stone-600/30 dark:bg-stone-800 dark:text-stone-100",
  converging: "bg-amber-100 text-amber-900 ring-amber-700/30 dark:bg-amber-950 dark:text-amber-100",
  settled: "bg-green-100 text-green-900 ring-green-700/30 dark:bg-green-950 dark:text-green-100",
};

/** A synthesis's status as a small label, in words ("Status: Converging" to a screen reader). */
export function StatusLabel({ status }: { status: string }) {
  return (
    <span className={`rounded px-1.5 py-0.5 align-middle text-xs font-semibold ring-1 ${TONES[status] ?? TONES.open}`}>
      <span className="sr-only">Status: </span>
      {statusLabel(status)}
    </span>
  );
}
