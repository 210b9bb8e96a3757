import "server-only";
import type { AsyncLocalStorage } from "node:async_hooks";

// server.mjs runs each Server Action request inside an AsyncLocalStorage (http-server/requests.mjs)
// and sends a 500 as 400 when the action's guard never ran: the request could not be decoded.
const STORE = Symbol.for("debate-commons.request-marks");

/** Tells server.mjs this action request reached its guard (a no-op without server.mjs). */
export function markActionGuardRan(): void {
  const marks = (globalThis as { [STORE]?: AsyncLocalStorage<{ actionGuardRan: boolean }> })[STORE];
  const mark = marks?.getStore();
  if (mark) mark.actionGuardRan = true;
}
