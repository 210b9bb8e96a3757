// POST /api/auth/signout ends the session in the database before next-auth clears the cookie, and
// says so when it cannot: next-auth alone would swallow the failure and clear the cookie anyway,
// telling the member they are signed out while a copy of the cookie still worked.
import { describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { createMember } from "@/test/factories";
import { setRequestHeaders } from "@/test/next-headers";
import { sessionCookie } from "@/test/session-cookie";
import { POST } from "./route";

vi.mock("next/headers", () => import("@/test/next-headers"));
// next-auth's own sign-out (which clears the cookie); its real run is in server/auth/sessions.test.ts.
const nextAuth = vi.hoisted(() => vi.fn(async (_request: Request) => Response.json({ url: "http://localhost:3000/" })));
vi.mock("next-auth", () => ({ default: () => nextAuth }));

const SITE = "http://localhost:3000";

async function signOut(cookie: string) {
  const headers = new Headers({ host: "localhost:3000", origin: SITE, cookie });
  setRequestHeaders(headers);
  const request = new Request(`${SITE}/api/auth/signout`, { method: "POST", headers });
  return POST(request, { params: Promise.resolve({ nextauth: ["signout"] }) });
}

const sessionsOf = (userId: string) => db.userSession.count({ where: { userId } });

describe("POST /api/auth/signout", () => {
  it("deletes the session's row, and only its, before next-auth clears the cookie", async () => {
    const member = await createMember();
    const cookie = await sessionCookie(member.id);
    await sessionCookie(member.id); // the member's other browser
    let rowsWhenCleared: number | null = null;
    nextAuth.mockImplementationOnce(async () => {
      rowsWhenCleared = await sessionsOf(member.id);
      return Response.json({ url: `${SITE}/` });
    });
    expect((await signOut(cookie)).status).toBe(200);
    expect(rowsWhenCleared).toBe(1);
  });

  it("answers 503 and leaves the cookie alone when the session cannot be ended", async () => {
    const member = await createMember();
    const cookie = await sessionCookie(member.id);
    nextAuth.mockClear();
    vi.spyOn(db.userSession, "deleteMany").mockRejectedValueOnce(new Error("SQLITE_BUSY: database is locked"));
    vi.spyOn(console, "error").mockImplementationOnce(() => {});
    const response = await signOut(cookie);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: expect.stringMatching(/still signed in/) });
    expect(nextAuth).not.toHaveBeenCalled();
    expect(await sessionsOf(member.id)).toBe(1);
  });
});
