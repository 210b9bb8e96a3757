import "server-only";
import type { Role } from "@/generated/prisma/client";
import { AppError } from "../errors";

function adminEmails(): string[] {
  return (process.env.ADMIN_EMAILS ?? "")
    .split(",")
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
}

/** Members by default; the addresses in ADMIN_EMAILS are admins. */
export function roleForNewAccount(email: string): Role {
  return isAdminEmail(email) ? "ADMIN" : "MEMBER";
}

export function isAdminEmail(email: string | null | undefined): boolean {
  return !!email && adminEmails().includes(email.toLowerCase());
}

export const isModerator = (user: { role: string } | null | undefined) =>
  user?.role === "MODERATOR" || user?.role === "ADMIN";

export function assertModerator(user: { role: string }): void {
  if (!isModerator(user)) throw new AppError("FORBIDDEN", "Only moderators can do that.");
}

export function assertAdmin(user: { role: string }): void {
  if (user.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only admins can do that.");
}
