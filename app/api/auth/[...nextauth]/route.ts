import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";
import { isSameOrigin } from "@/server/http/same-origin";

const handler = NextAuth(authOptions);

export { handler as GET };

/** Sign-in, sign-out and callbacks: refused unless the request comes from this site. */
export async function POST(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  if (!isSameOrigin(request)) return Response.json({ error: "Cross-site requests are refused." }, { status: 403 });
  return handler(request, context);
}
