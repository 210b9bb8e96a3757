import "server-only";
import type { ZodError } from "zod";
import type { ActionState } from "@/lib/action-state";

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

/** A zod failure as the form's field errors. */
export function invalid(error: ZodError): ActionState {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { ok: false, message: "Please correct the highlighted fields.", fieldErrors };
}

/** An AppError becomes a message for the form; anything else is a bug and propagates. */
export function toActionError(error: unknown): ActionState {
  if (error instanceof AppError) {
    return error.field
      ? { ok: false, message: error.message, fieldErrors: { [error.field]: [error.message] } }
      : { ok: false, message: error.message };
  }
  throw error;
}

/** FormData → plain object of its string fields (files are not accepted anywhere). */
export function formToObject(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries())
    if (typeof value === "string" && !key.startsWith("$ACTION")) out[key] = value;
  return out;
}
