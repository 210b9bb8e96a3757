import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";
import { endCurrentSession } from "@/server/auth/session";
import { isSameOrigin } from "@/server/http/same-origin";

const handler = NextAuth(authOptions);

export { handler as GET };

const SIGN_OUT_FAILED = "Signing out did not go through, and you are still signed in. Try again in a moment.";

/** Sign-in, sign-out and callbacks: refused unless the request comes from this site. */
export async function POST(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  if (!isSameOrigin(request)) return Response.json({ error: "Cross-site requests are refused." }, { status: 403 });
  // Sign-out deletes the session's row before next-auth clears the cookie, which it would do even
  // when its own hook failed: a copied cookie must not outlive a sign-out the user was told of.
  if ((await context.params).nextauth[0] === "signout") {
    try {
      await endCurrentSession();
    } catch (error) {
      console.error("[sign-out]", error);
      return Response.json({ error: SIGN_OUT_FAILED }, { status: 503 });
    }
  }
  return handler(request, context);
}
