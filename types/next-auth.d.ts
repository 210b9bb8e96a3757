import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    /** restriction: why the member may not write now (suspension, ban), or null. */
    user: { id: string; name: string; role: string; restriction: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
    role?: string;
    restriction?: string | null;
  }
}
