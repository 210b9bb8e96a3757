"use client";

import { useEffect, useState } from "react";
import type { ActionState } from "@/lib/action-state";

/** "0:42": minutes and seconds. */
export function clockTime(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** The answer, with the moment its wait ends (retryUntil) stamped as it arrives: call where the answer comes in. */
export function stampRetry(state: ActionState): ActionState {
  return state.retryAfter ? { ...state, retryUntil: Date.now() + state.retryAfter * 1000 } : state;
}

/** Seconds left before a refused write may be tried again (0 when it may), ticking each second. */
export function useRetryCountdown(state: ActionState): number {
  const until = state.ok ? undefined : state.retryUntil;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!until) return;
    let timer = setTimeout(function tick() {
      const current = Date.now();
      setNow(current);
      // Wake at the next whole second left, until none is.
      if (current < until) timer = setTimeout(tick, (until - current) % 1000 || 1000);
    }, 0);
    return () => clearTimeout(timer);
  }, [until]);
  if (!until) return 0;
  // Never more than the wait itself: before the first tick, `now` may date from the form's opening.
  return Math.max(0, Math.min(Math.ceil((until - now) / 1000), state.retryAfter ?? 0));
}

/**
 * The countdown the form shows: the time left, visible but not announced every second (the
 * refusal's message, in the form's live region, says it at the start), and a polite live region
 * that says when the wait is over.
 */
export function RetryCountdown({ seconds, until, verb }: { seconds: number; until?: number; verb: string }) {
  const waited = !!until && seconds === 0;
  return (
    <>
      {seconds > 0 && (
        <p className="text-sm font-medium text-amber-900 dark:text-amber-200">
          You can {verb} again in <span className="font-mono tabular-nums">{clockTime(seconds)}</span>
        </p>
      )}
      <p className="sr-only" aria-live="polite">
        {waited ? `You can ${verb} again now.` : ""}
      </p>
    </>
  );
}
