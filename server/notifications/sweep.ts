import "server-only";
import { processNotificationJobs } from "./jobs";

/** How often each server process looks for notification jobs whose after-hook never ran. */
export const SWEEP_INTERVAL_MS = 30_000;

let timer: NodeJS.Timeout | null = null;
let sweeping: Promise<unknown> | null = null;

/**
 * Starts this process's sweep, once: every SWEEP_INTERVAL_MS it processes the jobs a crash or a
 * failed after-hook left behind (processNotificationJobs claims each, so instances sweeping at once
 * never notify twice). Started lazily by the per-user routes every signed-in page calls (the
 * bell's count), like the view counter's flush; `unref`, so it never keeps a process alive, and a
 * process that stops mid-sweep leaves its jobs for the next one.
 */
export function ensureNotificationSweep(intervalMs = SWEEP_INTERVAL_MS): void {
  if (timer) return;
  const tick = () => {
    // One sweep at a time per process: a slow database must not stack them up.
    sweeping ??= processNotificationJobs()
      .catch((error: unknown) => console.error("[notifications] sweep failed:", error))
      .finally(() => (sweeping = null));
  };
  timer = setInterval(tick, intervalMs).unref();
  tick();
}

/** Stops the sweep (tests). */
export function stopNotificationSweep(): void {
  if (timer) clearInterval(timer);
  timer = null;
}
