// A signed-in browser's cookie, made the way next-auth makes it at sign-in: a live UserSession row
// and a JWT naming it, encrypted with the test secret.
import { encode } from "next-auth/jwt";
import { startSession } from "@/server/auth/user-sessions";
import { db } from "@/server/db";

export async function sessionCookie(userId: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
  const token = await encode({
    token: { uid: userId, sid: await startSession(userId), name: user.name },
    secret: process.env.NEXTAUTH_SECRET!,
  });
  return `next-auth.session-token=${token}`;
}
