// Nobody can take a name that reads as someone else's (issue 8, finding 4): signing up with an
// archive author's name, the admin's, their capitals, a look-alike, or a name hiding invisible or
// direction-changing characters answers a field error and writes nothing. GitHub sign-ins get a
// name of their own instead of failing; archive authors may share a look-alike among themselves.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "@/lib/client-address-header";
import { SITE, toFormData } from "@/test/action-world";
import { setRequestHeaders } from "@/test/next-headers";
import { signUpAction } from "../actions/account";
import { db } from "../db";
import { importDebate } from "../import/import-debate";

vi.mock("next/headers", () => import("@/test/next-headers"));
vi.mock("next/cache", () => ({ cacheTag: vi.fn(), cacheLife: vi.fn() }));
vi.mock("../cache/invalidate-tags", () => ({ invalidateTags: vi.fn(async () => {}) }));

const PASSWORD = "a long and unusual passphrase";
const ADMIN_EMAIL = "the-admin@names.test";
let n = 0;

/** Signs up through the action as a browser would, each time from an address of its own. */
async function signUp(name: string, email = `names-${++n}@example.test`) {
  setRequestHeaders(
    new Headers({ host: "localhost:3000", origin: SITE, [CLIENT_ADDRESS_HEADER]: `198.18.${n >> 8}.${n & 255}` }),
  );
  const result = await signUpAction({ ok: false }, toFormData({ name, email, password: PASSWORD }));
  return { result, email };
}

/** A small archive whose authors are "Michel Bauwens" and a look-alike of him. */
function archive() {
  return {
    debate: { slug: "names-archive", title: "Names", author: "Michel Bauwens", views: 0, body: "Opening." },
    sections: [{ slug: "one", title: "One", position: 1 }],
    posts: [
      { id: "p1", author: "Michel Bauwens", section: "one", parent: null, body: "First." },
      { id: "p2", author: "Miche1 Bauwens", section: "one", parent: "p1", body: "A look-alike, in the archive." },
    ],
  };
}

beforeAll(async () => {
  await importDebate(db, archive());
  process.env.ADMIN_EMAILS = ADMIN_EMAIL;
  const { result } = await signUp("Ada Admin", ADMIN_EMAIL);
  delete process.env.ADMIN_EMAILS;
  expect(result).toMatchObject({ ok: true });
});

const TAKEN = /taken|looks like/i;
const HIDDEN = /invisible|formatting|direction/i;

describe("signing up with a name that is someone else's, or hides something", () => {
  const cases: [string, string, RegExp][] = [
    ["an archive author's name", "Michel Bauwens", TAKEN],
    ["the admin's name", "Ada Admin", TAKEN],
    ["the archive author's name in capitals", "MICHEL BAUWENS", TAKEN],
    ["the admin's name in capitals", "ADA ADMIN", TAKEN],
    ["the admin's name in small letters", "ada admin", TAKEN],
    ["a zero-width space inside the name", "Michel\u200b Bauwens", HIDDEN],
    ["a zero-width space inside the admin's name", "Ada Ad\u200bmin", HIDDEN],
    ["a right-to-left override", "\u202eMichel Bauwens", HIDDEN],
    ["a right-to-left override spelling the admin's name backwards", "Ada \u202enimdA", HIDDEN],
    ["Cyrillic look-alikes of the archive author", "Міchel Ваuwеns", TAKEN],
    ["a Greek look-alike of the archive author", "Μichel Bauwens", TAKEN],
    ["Cyrillic look-alikes of the admin", "Аdа Аdmin", TAKEN],
    ["a Greek look-alike of the admin", "Αda Αdmin", TAKEN],
    ["only zero-width characters", "\u200b\u200c\u200d\u2060", HIDDEN],
    ["only Hangul fillers", "\u3164\u3164\u3164", HIDDEN],
    ["only blank Braille cells", "\u2800\u2800\u2800", HIDDEN],
  ];

  for (const [what, name, message] of cases) {
    it(`refuses ${what}, on the name field, and writes nothing`, async () => {
      const users = await db.user.count();
      const { result, email } = await signUp(name);
      expect(result).toMatchObject({ ok: false, fieldErrors: { name: [expect.stringMatching(message)] } });
      expect(await db.user.count({ where: { email } })).toBe(0);
      expect(await db.user.count()).toBe(users);
    });
  }

  it("refuses a name with no letter", async () => {
    const { result } = await signUp("!!!");
    expect(result).toMatchObject({ ok: false, fieldErrors: { name: [expect.stringMatching(/letter/)] } });
  });

  it("accepts a name of one's own, stored normalised", async () => {
    const { result, email } = await signUp("  Ｚｏë \u00a0 Michelle   Bauwens ");
    expect(result).toMatchObject({ ok: true });
    expect(await db.user.findUniqueOrThrow({ where: { email } })).toMatchObject({ name: "Zoë Michelle Bauwens" });
  });

  it("refuses the second of two members with look-alike names, whoever was first", async () => {
    expect((await signUp("Grace Hopper")).result).toMatchObject({ ok: true });
    expect((await signUp("GRACE HOPPER")).result).toMatchObject({
      ok: false,
      fieldErrors: { name: [expect.any(String)] },
    });
    expect((await signUp("Grасе Норрег")).result).toMatchObject({ ok: false }); // Cyrillic а, с, е, Н, о, р, г
  });
});

describe("archive authors", () => {
  it("may share a look-alike among themselves: the importer refuses none", async () => {
    const authors = await db.user.findMany({ where: { importKey: { not: null } }, select: { name: true } });
    expect(authors.map((a) => a.name).sort()).toEqual(["Miche1 Bauwens", "Michel Bauwens"]);
  });
});

describe("rows stored before names had keys", () => {
  it("get their key on the next `npm run db:setup` (the seed backfills), and then count", async () => {
    const { backfillNameKeys } = await import("./display-name");
    await db.user.create({ data: { name: "Katherine Johnson", email: "kj@old.test" } });
    expect(await backfillNameKeys(db)).toBeGreaterThanOrEqual(1);
    expect(await backfillNameKeys(db)).toBe(0);
    const { result } = await signUp("KATHERINE JOHNSON");
    expect(result).toMatchObject({ ok: false, fieldErrors: { name: [expect.stringMatching(TAKEN)] } });
  });
});

describe("a GitHub sign-in (the OAuth adapter's createUser)", () => {
  async function createOAuthUser(name: string | null, email: string) {
    const { authOptions } = await import("../auth/options");
    const adapter = authOptions.adapter!;
    return adapter.createUser!({ id: "ignored", name, email, emailVerified: null } as never);
  }

  it("gets a name of its own when its GitHub name is taken, instead of failing", async () => {
    const user = await createOAuthUser("Michel Bauwens", "mb-on-github@example.test");
    expect(user.name).not.toBe("Michel Bauwens");
    expect(user.name).toMatch(/^Michel Bauwens \S+$/);
    // and a second one gets yet another
    const again = await createOAuthUser("MICHEL BAUWENS", "mb-again@example.test");
    expect([user.name, "MICHEL BAUWENS", "Michel Bauwens"]).not.toContain(again.name);
  });

  it("gets a valid name when its GitHub name hides characters or has no letter", async () => {
    const hidden = await createOAuthUser("\u202eAda Admin", "octo-cat@example.test");
    expect(hidden.name).toBe("octo-cat");
    const blank = await createOAuthUser("\u200b\u200b", "x@example.test");
    expect(blank.name).toMatch(/^Member \S+$/);
    const none = await createOAuthUser(null, "linus@example.test");
    expect(none.name).toBe("linus");
    const long = await createOAuthUser(`Ada ${"Lovelace".repeat(10)}`, "long@example.test");
    expect(long.name).toBe(`Ada ${"Lovelace".repeat(10)}`.slice(0, 60));
  });
});
