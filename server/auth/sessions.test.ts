// Sessions end when they should: at sign-out (a copied cookie included), after a week unused, two
// weeks after signing in however busy, at "sign out everywhere", a password change (this session
// excepted) and a ban. A browser is simulated against next-auth's own handler and our authOptions
// (real sign-in, session refresh and sign-out, real JWT encryption); a session is "used" through a
// real Server Action, as an attacker with a copied cookie would.
import { createHash } from "node:crypto";
import NextAuth from "next-auth";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setRequestHeaders } from "@/test/next-headers";
import { createDebate, createMember } from "@/test/factories";
import { db } from "../db";
import { authOptions } from "./options";
import { loadSessionUser } from "./session";
import { startSession } from "./user-sessions";

vi.mock("next/headers", () => import("@/test/next-headers"));
vi.mock("next/cache", () => ({ cacheTag: vi.fn(), cacheLife: vi.fn() }));
vi.mock("../cache/invalidate-tags", () => ({ invalidateTags: vi.fn(async () => {}) }));

const HOST = "localhost:3000";
const SITE = `http://${HOST}`;
const PASSWORD = "a long and unusual passphrase";
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const SIGNED_OUT = { ok: false, message: "Your session has ended. Please sign in again." };

/** A browser's cookie jar, talking to next-auth's handler (the Pages-style entry: the App Router one needs Next's request scope). */
class Browser {
  cookies = new Map<string, string>();

  /** Another browser holding the same cookies: a stolen or copied session. */
  copy(): Browser {
    const other = new Browser();
    other.cookies = new Map(this.cookies);
    return other;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  async nextAuth(route: string[], method: "GET" | "POST" = "GET", body?: Record<string, string>) {
    const res = new FakeResponse();
    const req = {
      method,
      query: { nextauth: route },
      body,
      cookies: Object.fromEntries(this.cookies),
      headers: { host: HOST, origin: SITE },
    };
    await NextAuth(req as never, res as never, authOptions);
    for (const header of res.setCookies()) {
      const [pair = "", ...attributes] = header.split(/;\s*/);
      const name = pair.slice(0, pair.indexOf("="));
      const value = decodeURIComponent(pair.slice(pair.indexOf("=") + 1));
      if (!value || attributes.some((a) => /^max-age=0$/i.test(a))) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** Posts the credentials form, as next-auth's signIn("credentials") does. */
  async signIn(email: string, password = PASSWORD) {
    const res = await this.nextAuth(["callback", "credentials"], "POST", {
      ...this.csrf(),
      email,
      password,
      json: "true",
    });
    expect(this.cookies.has("next-auth.session-token"), JSON.stringify(res.body)).toBe(true);
  }

  async signOut() {
    await this.nextAuth(["signout"], "POST", { ...this.csrf(), callbackUrl: SITE, json: "true" });
  }

  /** What the browser asks on every page (GET /api/auth/session): the user, or null; it re-issues the cookie. */
  async session(): Promise<{ id: string } | null> {
    const res = await this.nextAuth(["session"]);
    return (res.body as { user?: { id: string } } | undefined)?.user ?? null;
  }

  /** next-auth's double-submit CSRF token: the cookie holds it with its hash, the form the token. */
  private csrf() {
    const token = "csrf-token-of-this-browser";
    const hash = createHash("sha256").update(`${token}${process.env.NEXTAUTH_SECRET}`).digest("hex");
    this.cookies.set("next-auth.csrf-token", `${token}|${hash}`);
    return { csrfToken: token };
  }
}

class FakeResponse {
  statusCode = 200;
  body: unknown;
  private headers = new Map<string, unknown>();
  status(code: number) {
    this.statusCode = code;
    return this;
  }
  getHeader(name: string) {
    return this.headers.get(name.toLowerCase());
  }
  setHeader(name: string, value: unknown) {
    this.headers.set(name.toLowerCase(), value);
    return this;
  }
  json(body: unknown) {
    this.body = body;
  }
  send(body: unknown) {
    this.body = typeof body === "string" ? JSON.parse(body || "null") : body;
  }
  end() {}
  setCookies(): string[] {
    return [this.headers.get("set-cookie") ?? []].flat() as string[];
  }
}

let place: { subheadingId: string };
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-23T09:00:00Z"));
  place = { subheadingId: (await createDebate()).subheadings[0]!.id };
});
afterEach(() => vi.useRealTimers());

const later = (ms: number) => vi.setSystemTime(Date.now() + ms);

async function member() {
  const user = await createMember({ password: PASSWORD });
  return { ...user, email: `${user.name}@example.test` };
}

/** Posts a contribution with the browser's cookies, as a Server Action call from this site. */
async function post(browser: Browser) {
  setRequestHeaders(new Headers({ host: HOST, origin: SITE, cookie: browser.cookieHeader() }));
  const { createPostAction } = await import("../actions/posts");
  const form = new FormData();
  form.set("subheadingId", place.subheadingId);
  form.set("body", `Posted at ${new Date().toISOString()}.`);
  return createPostAction({ ok: false }, form);
}

describe("sessions", () => {
  it("end at sign-out: a cookie copied before no longer authenticates an action or the session", async () => {
    const ada = await member();
    const laptop = new Browser();
    await laptop.signIn(ada.email);
    const stolen = laptop.copy();
    expect(await post(stolen)).toMatchObject({ ok: true });

    await laptop.signOut();
    expect(laptop.cookies.has("next-auth.session-token")).toBe(false);
    expect(await post(stolen)).toMatchObject(SIGNED_OUT);
    expect(await stolen.session()).toBeNull();
  });

  it("end after a week unused, and a session used within the week carries on", async () => {
    const ada = await member();
    const browser = new Browser();
    await browser.signIn(ada.email);
    later(6 * DAY);
    expect(await post(browser)).toMatchObject({ ok: true });
    later(6 * DAY);
    expect(await browser.session()).toMatchObject({ id: ada.id });

    const idle = new Browser();
    await idle.signIn(ada.email);
    later(7 * DAY + MINUTE);
    expect(await post(idle)).toMatchObject(SIGNED_OUT);
    expect(await idle.session()).toBeNull();
  });

  it("end two weeks after signing in, however often they are used", async () => {
    const ada = await member();
    const browser = new Browser();
    await browser.signIn(ada.email);
    for (let day = 1; day < 14; day++) {
      later(DAY);
      expect(await browser.session(), `day ${day}`).toMatchObject({ id: ada.id });
    }
    expect(await post(browser)).toMatchObject({ ok: true });
    later(DAY);
    expect(await post(browser)).toMatchObject(SIGNED_OUT);
    expect(await browser.session()).toBeNull();
  });

  it("all end at sign out everywhere", async () => {
    const ada = await member();
    const [laptop, phone] = [new Browser(), new Browser()];
    await laptop.signIn(ada.email);
    await phone.signIn(ada.email);
    const stolen = phone.copy();

    setRequestHeaders(new Headers({ host: HOST, origin: SITE, cookie: laptop.cookieHeader() }));
    const { signOutEverywhereAction } = await import("../actions/account");
    expect(await signOutEverywhereAction({ ok: false }, new FormData())).toMatchObject({ ok: true });
    for (const browser of [laptop, phone, stolen]) {
      expect(await post(browser)).toMatchObject(SIGNED_OUT);
      expect(await browser.session()).toBeNull();
    }
  });

  it("survive a password change on the browser that made it; every other one ends", async () => {
    const ada = await member();
    const [laptop, phone] = [new Browser(), new Browser()];
    await laptop.signIn(ada.email);
    await phone.signIn(ada.email);

    setRequestHeaders(new Headers({ host: HOST, origin: SITE, cookie: laptop.cookieHeader() }));
    const { changePasswordAction } = await import("../actions/account");
    const form = new FormData();
    form.set("currentPassword", PASSWORD);
    form.set("newPassword", "another long passphrase");
    expect(await changePasswordAction({ ok: false }, form)).toMatchObject({ ok: true });

    expect(await post(laptop)).toMatchObject({ ok: true });
    expect(await laptop.session()).toMatchObject({ id: ada.id });
    expect(await post(phone)).toMatchObject(SIGNED_OUT);
    expect(await phone.session()).toBeNull();
  });

  it("end when the member is banned", async () => {
    const ada = await member();
    const moderator = await createMember({ password: PASSWORD });
    const [adaBrowser, modBrowser] = [new Browser(), new Browser()];
    await adaBrowser.signIn(ada.email);
    await db.user.update({ where: { id: moderator.id }, data: { role: "MODERATOR" } });
    await modBrowser.signIn(`${moderator.name}@example.test`);

    setRequestHeaders(new Headers({ host: HOST, origin: SITE, cookie: modBrowser.cookieHeader() }));
    const { banUserAction } = await import("../actions/users");
    const form = new FormData();
    form.set("userId", ada.id);
    form.set("reason", "Spam account");
    expect(await banUserAction({ ok: false }, form)).toMatchObject({ ok: true });
    expect(await adaBrowser.session()).toBeNull();
  });
});

describe("the session table", () => {
  const sessionOf = async (userId: string) => {
    const rows = await db.userSession.findMany({ where: { userId } });
    expect(rows).toHaveLength(1);
    return rows[0]!;
  };

  it("starts a session at an OAuth sign-in too", async () => {
    const ada = await member();
    const jwt = authOptions.callbacks!.jwt!;
    const token = await jwt({
      token: { sub: ada.id, name: ada.name, email: ada.email },
      user: { id: ada.id, name: ada.name, email: ada.email },
      account: { provider: "github", type: "oauth", providerAccountId: "42" },
      trigger: "signIn",
    } as Parameters<typeof jwt>[0]);
    expect(token).toMatchObject({ uid: ada.id, sid: expect.any(String) });
    expect(await loadSessionUser(ada.id, token.sid)).toMatchObject({ id: ada.id, sessionId: token.sid });
  });

  it("writes a session's last use at most once per five minutes", async () => {
    const ada = await member();
    const browser = new Browser();
    await browser.signIn(ada.email);
    const signedInAt = (await sessionOf(ada.id)).lastSeenAt;
    later(4 * MINUTE);
    await browser.session();
    await post(browser);
    expect((await sessionOf(ada.id)).lastSeenAt).toEqual(signedInAt);
    later(MINUTE);
    await browser.session();
    expect((await sessionOf(ada.id)).lastSeenAt).toEqual(new Date());
  });

  it("prunes ended sessions a bounded batch at a time, as others sign in", async () => {
    // A year before the other tests' sessions, so that only the ones made here have ended.
    vi.setSystemTime(new Date("2025-11-23T09:00:00Z"));
    const ada = await member();
    const now = new Date();
    const ended = (i: number) => ({
      userId: ada.id,
      createdAt: new Date(now.getTime() - 20 * DAY),
      lastSeenAt: new Date(now.getTime() - (i % 2 ? 8 : 1) * DAY),
      expiresAt: new Date(now.getTime() - (i % 2 ? -DAY : 6 * DAY)),
    });
    await db.userSession.createMany({ data: Array.from({ length: 150 }, (_, i) => ended(i)) });
    const live = await startSession(ada.id);
    expect(await db.userSession.count({ where: { userId: ada.id } })).toBe(51);
    await startSession(ada.id);
    expect(await db.userSession.count({ where: { userId: ada.id } })).toBe(2);
    expect(await loadSessionUser(ada.id, live)).toMatchObject({ id: ada.id });
  });

  it("accepts only a live session, of the user the token names, who can sign in", async () => {
    const ada = await member();
    const other = await member();
    const sid = await startSession(ada.id);
    expect(await loadSessionUser(ada.id, sid)).toMatchObject({ id: ada.id, name: ada.name, sessionId: sid });
    expect(await loadSessionUser(other.id, sid)).toBeNull();
    expect(await loadSessionUser(ada.id, "no-such-session")).toBeNull();
    expect(await loadSessionUser(ada.id, 0)).toBeNull();
    expect(await loadSessionUser(undefined, sid)).toBeNull();
    await db.user.update({ where: { id: ada.id }, data: { importKey: `archive:${ada.id}` } });
    expect(await loadSessionUser(ada.id, sid)).toBeNull();
  });
});
