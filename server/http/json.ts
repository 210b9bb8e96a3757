import "server-only";
import { MarkdownRefused } from "@/lib/markdown";
import { AppError, BUSY_MESSAGE, RetryLater, type AppErrorCode } from "../errors";
import { RenderBusy } from "../markdown/render-pool";
import { isDatabaseBusy } from "../sqlite/busy";

const STATUS: Record<AppErrorCode, number> = {
  INVALID: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LOCKED: 423,
  RATE_LIMITED: 429,
};

/** Answers a route handler's AppError as JSON with its status, a locked database as 503; anything else propagates. */
export function jsonError(error: unknown): Response {
  if (error instanceof RetryLater)
    return Response.json({ error: error.message }, { status: 429, headers: { "retry-after": String(error.seconds) } });
  if (error instanceof AppError) return Response.json({ error: error.message }, { status: STATUS[error.code] });
  if (error instanceof MarkdownRefused) return Response.json({ error: error.message }, { status: 400 });
  if (isDatabaseBusy(error) || error instanceof RenderBusy)
    return Response.json({ error: BUSY_MESSAGE }, { status: 503, headers: { "retry-after": "1" } });
  throw error;
}

/** Runs a JSON route: its result as 200, an AppError as its status. */
export async function jsonRoute(handler: () => Promise<unknown>): Promise<Response> {
  try {
    return Response.json(await handler());
  } catch (error) {
    return jsonError(error);
  }
}
