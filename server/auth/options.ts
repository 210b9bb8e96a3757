import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { signInSchema } from "@/lib/schemas/account";
import { signInPath } from "@/lib/paths";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { clientAddressOf } from "../http/client-address";
import { authenticate, WRONG_CREDENTIALS } from "../users/authenticate";
import { createWithFreeName } from "../users/display-name";
import { freeHandle } from "../users/handle";
import { invalidateTags } from "../cache/invalidate-tags";
import { cacheTags } from "@/lib/cache-tags";
import { restrictionOf } from "@/lib/permissions";
import { roleForNewAccount } from "./roles";
import { loadSessionUser } from "./session";
import { endSession, startSession } from "./user-sessions";
import { SESSION_LIFETIME_MS } from "@/lib/rules/session-lifetime";

const adapter = PrismaAdapter(db as never);
type AdapterUserData = { email: string; name?: string | null; image?: string | null; emailVerified: Date | null };

const REVOKED = "Session revoked";

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  logger: {
    // A revoked or ended session is expected (sign-out elsewhere, idle, expired), not an error.
    error(code, metadata) {
      const message =
        metadata instanceof Error ? metadata.message : (metadata as { message?: string } | undefined)?.message;
      if (code === "JWT_SESSION_ERROR" && message === REVOKED) return;
      console.error(`[next-auth] ${code}`, metadata);
    },
    warn(code) {
      console.warn(`[next-auth] ${code}`);
    },
    debug() {},
  },
  // The cookie's own expiry; the UserSession row holds the real deadlines (idle and absolute).
  session: { strategy: "jwt", maxAge: SESSION_LIFETIME_MS / 1000 },
  pages: { signIn: signInPath(), error: signInPath() },
  // OAuth accounts are linked to users through the adapter; credentials never touch it.
  adapter: {
    ...adapter,
    // Our users need a name no one else has (or a look-alike of: a GitHub name that is taken or
    // refused gets another, never a failed sign-in) and get their role from ADMIN_EMAILS.
    // A handle too, made from the name (server/users/handle.ts); its profile was "not found" until now.
    createUser: async ({ email, image, emailVerified, name }: AdapterUserData) => {
      const user = await createWithFreeName([name, email.split("@")[0]], async (tx, named) =>
        tx.user.create({
          data: {
            ...named,
            handle: await freeHandle(tx, named.name),
            email: email.toLowerCase(),
            image,
            emailVerified,
            role: roleForNewAccount(email),
          },
        }),
      );
      await invalidateTags([cacheTags.handles()]);
      return user;
    },
  } as NextAuthOptions["adapter"],
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) throw new Error(WRONG_CREDENTIALS);
        try {
          const user = await authenticate({ ...parsed.data, ip: clientAddressOf(req?.headers) });
          return { id: user.id, name: user.name, email: user.email };
        } catch (error) {
          // next-auth hands a thrown message to the sign-in form as it is.
          if (error instanceof AppError) throw new Error(error.message);
          throw error;
        }
      },
    }),
    ...(env.GITHUB_ID && env.GITHUB_SECRET
      ? [GitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET })]
      : []),
  ],
  events: {
    // next-auth runs this on sign-out with the decoded token (JWT strategy), then clears the cookie
    // even if it throws; so the route deletes the row first (app/api/auth/[...nextauth]/route.ts)
    // and answers an error when it cannot. This covers any sign-out that does not pass through it.
    async signOut({ token }) {
      if (typeof token?.sid === "string") await endSession(token.sid);
    },
  },
  callbacks: {
    async jwt({ token, user }) {
      // Signing in (credentials or OAuth) starts a session: its row is what every later use checks.
      if (user) {
        const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true, role: true } });
        const sid = await startSession(user.id);
        return { ...token, uid: user.id, sid, name: row.name, role: row.role };
      }
      // Every later use checks the session is still live; throwing clears the cookie.
      const current = await loadSessionUser(token.uid, token.sid);
      if (!current) throw new Error(REVOKED);
      // Re-read on every use, so a suspension shows (and lifts) on the member's next request.
      return { ...token, name: current.name, role: current.role, restriction: restrictionOf(current) };
    },
    session({ session, token }) {
      return {
        ...session,
        user: {
          id: token.uid as string,
          name: token.name ?? "",
          role: token.role!,
          restriction: token.restriction ?? null,
        },
      };
    },
    redirect({ url, baseUrl }) {
      if (url.startsWith(baseUrl)) return `${baseUrl}${safeCallbackPath(url.slice(baseUrl.length))}`;
      return `${baseUrl}${safeCallbackPath(url)}`;
    },
  },
};
