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
import { authenticate, WRONG_CREDENTIALS } from "../users/authenticate";
import { restrictionOf } from "@/lib/permissions";
import { roleForNewAccount } from "./roles";
import { loadSessionUser } from "./session";

function clientIp(headers: Record<string, string | string[] | undefined> | undefined): string | null {
  const forwarded = headers?.["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" ? real : null) || null;
}

const adapter = PrismaAdapter(db as never);

const REVOKED = "Session revoked";

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  logger: {
    // A revoked session is expected (sign-out everywhere, password change), not an error.
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
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: signInPath(), error: signInPath() },
  // OAuth accounts are linked to users through the adapter; credentials never touch it.
  adapter: {
    ...adapter,
    // Our users need a name and get their role from ADMIN_EMAILS, whoever creates them.
    createUser: (data: { email: string; name?: string | null; image?: string | null; emailVerified: Date | null }) =>
      adapter.createUser!({
        ...data,
        email: data.email.toLowerCase(),
        name: data.name?.trim() || data.email.split("@")[0]!,
        role: roleForNewAccount(data.email.toLowerCase()),
      } as never),
  } as NextAuthOptions["adapter"],
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) throw new Error(WRONG_CREDENTIALS);
        try {
          const user = await authenticate({ ...parsed.data, ip: clientIp(req?.headers) });
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
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const row = await db.user.findUniqueOrThrow({
          where: { id: user.id },
          select: { sessionVersion: true, name: true, role: true },
        });
        return { ...token, uid: user.id, sv: row.sessionVersion, name: row.name, role: row.role };
      }
      // Every later use checks the token is still current; throwing clears the cookie.
      const current = await loadSessionUser(token.uid, token.sv);
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
