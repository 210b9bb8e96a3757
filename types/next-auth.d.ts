import "next-auth";
import "next-auth/jwt";
import type { Role } from "@/generated/prisma/enums";

declare module "next-auth" {
  interface Session {
    /** restriction: why the member may not write now (suspension, ban), or null. */
    user: { id: string; name: string; role: Role; restriction: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    /** The UserSession row this token belongs to (server/auth/user-sessions.ts). */
    sid?: string;
    role?: Role;
    restriction?: string | null;
  }
}
