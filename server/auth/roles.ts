import "server-only";
import type { Role } from "@/generated/prisma/client";

/** Members by default; admins are named in ADMIN_EMAILS (moderation comes with issue 4). */
export function roleForNewAccount(email: string): Role {
  const admins = (process.env.ADMIN_EMAILS ?? "")
    .split(",")
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
  return admins.includes(email) ? "ADMIN" : "MEMBER";
}
