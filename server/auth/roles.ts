import "server-only";
import type { Role } from "@/generated/prisma/client";

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
