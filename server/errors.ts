import "server-only";
import type { ZodError } from "zod";
import type { ActionState } from "@/lib/action-state";
import { MarkdownRefused } from "@/lib/markdown";
import type { Refusal } from "@/lib/permissions";
import { RenderBusy } from "./markdown/render-pool";
import { isDatabaseBusy } from "./sqlite/busy";

export type AppErrorCode =
  "NOT_FOUND" | "FORBIDDEN" | "UNAUTHENTICATED" | "INVALID" | "LOCKED" | "RATE_LIMITED" | "CONFLICT";

/** An expected failure a user can be told about. Anything else is a bug and is rethrown. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** The form field the error belongs to, when it belongs to one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** A RATE_LIMITED refusal that knows when to try again: JSON routes send it as Retry-After. */
export class RetryLater extends AppError {
  constructor(
    message: string,
    readonly seconds: number,
  ) {
    super("RATE_LIMITED", message);
    this.name = "RetryLater";
  }
}

/** Throws when a rule of lib/permissions.ts refuses; its words become the error's message. */
export function enforce(refusal: Refusal, code: AppErrorCode = "FORBIDDEN"): void {
  if (refusal) throw new AppError(code, refusal);
}

/** A zod failure as the form's field errors. */
export function invalid(error: ZodError): ActionState {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { ok: false, message: "Please correct the highlighted fields.", fieldErrors };
}

export const BUSY_MESSAGE = "The site is busy and nothing was saved. Please try again in a moment.";

/**
 * An AppError becomes a message for the form, and so does a database that stayed locked past its
 * deadline (nothing was written: the form keeps what was typed). Anything else is a bug and propagates.
 */
export function toActionError(error: unknown): ActionState {
  // A refusal that knows when to try again carries the seconds: the form counts them down.
  if (error instanceof RetryLater) return { ok: false, message: error.message, retryAfter: error.seconds };
  if (error instanceof AppError) {
    return error.field
      ? { ok: false, message: error.message, fieldErrors: { [error.field]: [error.message] } }
      : { ok: false, message: error.message };
  }
  // Every Markdown renderer taken and the queue full (server/markdown/) is busy in the same way.
  if (isDatabaseBusy(error) || error instanceof RenderBusy) return { ok: false, message: BUSY_MESSAGE };
  // The schemas refuse such bodies first; this catches a shape they did not foresee.
  if (error instanceof MarkdownRefused)
    return { ok: false, message: error.message, fieldErrors: { body: [error.message] } };
  throw error;
}
