// Sign-up as a browser (or a script) calls it, from a client address our server (server.mjs) set:
// throttled per address, a honeypot that creates nothing, and an email already registered answered
// exactly as a new one (issue 8, finding 5).
import { beforeEach, describe, expect, it, vi } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "@/lib/client-address-header";
import { setRequestHeaders } from "@/test/next-headers";
import { toFormData, SITE } from "@/test/action-world";
import type * as passwords from "../auth/password";
import { db } from "../db";
import { signUpAction } from "./account";

vi.mock("next/headers", () => import("@/test/next-headers"));
vi.mock("next/cache", () => ({ cacheTag: vi.fn(), cacheLife: vi.fn() }));
vi.mock("../cache/invalidate-tags", () => ({ invalidateTags: vi.fn(async () => {}) }));
const hashed = vi.hoisted(() => ({ count: 0 }));
vi.mock("../auth/password", async (importOriginal) => {
  const original = await importOriginal<typeof passwords>();
  return {
    ...original,
    hashPassword: async (password: string) => {
      hashed.count++;
      return original.hashPassword(password);
    },
  };
});

let n = 0;
const tag = () => `${Date.now().toString(36)}-${++n}`;
const PASSWORD = "a long and unusual passphrase";

/** The next action call comes from this site, from `address`, signed out. */
function from(address: string) {
  setRequestHeaders(new Headers({ host: "localhost:3000", origin: SITE, [CLIENT_ADDRESS_HEADER]: address }));
}

const signUp = (fields: Record<string, string>) => signUpAction({ ok: false }, toFormData(fields));
const newcomer = (extra: Record<string, string> = {}) => {
  const t = tag();
  return { name: `Newcomer ${t}`, email: `newcomer-${t}@example.test`, password: PASSWORD, ...extra };
};

describe("sign-up", () => {
  beforeEach(() => {
    hashed.count = 0;
  });

  it("throttles one address after 3 sign-ups an hour, says when to try again, and writes nothing", async () => {
    from("203.0.113.10");
    const forms = Array.from({ length: 12 }, () => newcomer());
    const results = [];
    for (const form of forms) results.push(await signUp(form));
    expect(results.slice(0, 3).map((r) => r.ok)).toEqual([true, true, true]);
    for (const result of results.slice(3)) {
      expect(result).toEqual({ ok: false, message: expect.stringMatching(/Try again in \d+ minutes?\.$/) });
    }
    const made = await db.user.findMany({
      where: { email: { in: forms.map((f) => f.email) } },
      select: { email: true },
    });
    expect(made.map((u) => u.email).sort()).toEqual(
      forms
        .slice(0, 3)
        .map((f) => f.email)
        .sort(),
    );

    // Another address is not held back by the first one's flood.
    from("198.51.100.20");
    const other = newcomer();
    expect(await signUp(other)).toMatchObject({ ok: true });
    expect(await db.user.count({ where: { email: other.email } })).toBe(1);
  });

  it("counts an IPv6 /64 as one address", async () => {
    for (let i = 1; i <= 3; i++) {
      from(`2001:db8:1:2::${i}`);
      expect(await signUp(newcomer())).toMatchObject({ ok: true });
    }
    from("2001:db8:1:2:ffff:ffff:ffff:ffff");
    expect(await signUp(newcomer())).toMatchObject({ ok: false, message: expect.stringMatching(/Try again in/) });
    from("2001:db8:1:3::1");
    expect(await signUp(newcomer())).toMatchObject({ ok: true });
  });

  it("does not count a sign-up refused for what was typed (a common password) against the address", async () => {
    from("203.0.113.30");
    for (let i = 0; i < 4; i++) {
      expect(await signUp(newcomer({ password: "password123" }))).toMatchObject({
        ok: false,
        fieldErrors: { password: [expect.stringMatching(/most common/)] },
      });
    }
    for (let i = 0; i < 3; i++) expect(await signUp(newcomer())).toMatchObject({ ok: true });
  });

  it("creates nothing when the honeypot field is filled, and answers as a success does", async () => {
    from("203.0.113.40");
    const real = await signUp(newcomer());
    const bot = newcomer({ website: "https://spam.example" });
    hashed.count = 0;
    const answer = await signUp(bot);
    expect(answer).toEqual(real);
    expect(hashed.count).toBe(1); // the same work, so the same time, as a real sign-up
    expect(await db.user.count({ where: { email: bot.email } })).toBe(0);
  });

  it("answers an email already registered exactly as a new one, in the same time, and changes nothing", async () => {
    from("203.0.113.50");
    const first = newcomer();
    const created = await signUp(first);
    expect(created).toMatchObject({ ok: true });
    expect(hashed.count).toBe(1);
    const before = await db.user.findUniqueOrThrow({ where: { email: first.email } });

    from("198.51.100.50");
    const again = await signUp({
      name: "Someone Else",
      email: first.email.toUpperCase(),
      password: "another passphrase!",
    });
    expect(again).toEqual(created);
    expect(hashed.count).toBe(2); // hashed either way: the answer takes as long
    expect(await db.user.findMany({ where: { email: first.email } })).toEqual([before]);
  });
});
