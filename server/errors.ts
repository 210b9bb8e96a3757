import "server-only";

export type AppErrorCode = "NOT_FOUND" | "FORBIDDEN" | "UNAUTHENTICATED" | "INVALID" | "LOCKED" | "RATE_LIMITED" | "CONFLICT";

/** An expected failure a user can be told about. Anything else is a bug and is rethrown. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}
