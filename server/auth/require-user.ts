import "server-only";
import { AppError } from "../errors";
import { getCurrentUser, type SessionUser } from "./session";

/** The signed-in user of a route handler's request, or UNAUTHENTICATED. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
  return user;
}
