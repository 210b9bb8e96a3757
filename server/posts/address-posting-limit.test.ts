// The first-day posting limit holds per sign-up address, not only per account: fresh accounts made
// from one address share it (issue 8, finding 5: 150 fresh accounts built a 300-post chain in 10 s).
import { describe, expect, it, vi } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "@/lib/client-address-header";
import { addPost, createDebate } from "@/test/factories";
import { SITE, toFormData } from "@/test/action-world";
import { setRequestHeaders } from "@/test/next-headers";
import { signUpAction } from "../actions/account";
import type { SessionUser } from "../auth/session";
import { SESSION_USER_FIELDS } from "../auth/user-sessions";
import { db } from "../db";
import { createPost } from "./create-post";

vi.mock("next/headers", () => import("@/test/next-headers"));
vi.mock("next/cache", () => ({ cacheTag: vi.fn(), cacheLife: vi.fn() }));
vi.mock("../cache/invalidate-tags", () => ({ invalidateTags: vi.fn(async () => {}) }));

let n = 0;
/** A member signed up just now through the sign-up action, from `address`. */
async function freshAccount(address: string) {
  const t = `${Date.now().toString(36)}-${++n}`;
  const email = `fresh-${t}@example.test`;
  setRequestHeaders(new Headers({ host: "localhost:3000", origin: SITE, [CLIENT_ADDRESS_HEADER]: address }));
  const result = await signUpAction(
    { ok: false },
    toFormData({ name: `Fresh ${t}`, email, password: "a long and unusual passphrase" }),
  );
  expect(result.ok).toBe(true);
  return member({ email });
}

/** The member as the server sees them after checking the session. */
const member = (where: { email: string } | { id: string }): Promise<SessionUser> =>
  db.user.findUniqueOrThrow({
    where,
    select: SESSION_USER_FIELDS,
  });

describe("the posting limit of accounts younger than a day, per sign-up address", () => {
  it("holds across fresh accounts from one address, and not for another address", async () => {
    const debate = await createDebate();
    const subheadingId = debate.subheadings[0]!.id;
    const [a1, a2, a3] = [
      await freshAccount("203.0.113.7"),
      await freshAccount("203.0.113.7"),
      await freshAccount("203.0.113.7"),
    ];
    const top = await createPost({ actor: a1, subheadingId, parentId: null, title: null, body: "Link one." });
    const second = await createPost({ actor: a2, subheadingId, parentId: top.id, title: null, body: "Link two." });
    await createPost({ actor: a1, subheadingId, parentId: second.id, title: null, body: "Link 2b." });
    // The third account has posted nothing, but its address has posted three times this minute.
    await expect(
      createPost({ actor: a3, subheadingId, parentId: second.id, title: null, body: "Link three." }),
    ).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringMatching(/wait \d+ seconds?/),
    });
    expect(await db.post.count({ where: { authorId: a3.id } })).toBe(0);

    // A fresh account from another address posts at once.
    const b1 = await freshAccount("198.51.100.7");
    await expect(
      createPost({ actor: b1, subheadingId, parentId: second.id, title: null, body: "Elsewhere." }),
    ).resolves.toBeDefined();

    // An account older than a day from the first address is neither limited by the young ones nor counted.
    await db.user.update({ where: { id: a3.id }, data: { createdAt: new Date(Date.now() - 2 * 86400_000) } });
    const established = await member({ id: a3.id });
    await expect(
      createPost({ actor: established, subheadingId, parentId: null, title: null, body: "A day later." }),
    ).resolves.toBeDefined();
  });

  it("caps what fresh accounts from one address post in an hour at one newcomer's share (10)", async () => {
    const debate = await createDebate();
    const subheadingId = debate.subheadings[0]!.id;
    const accounts = [await freshAccount("203.0.113.8"), await freshAccount("203.0.113.8")];
    // Ten posts over the last hour, five by each: each account alone is within its own 10 an hour.
    for (let i = 0; i < 10; i++) {
      await addPost({
        subheadingId,
        authorId: accounts[i % 2]!.id,
        createdAt: new Date(Date.now() - (50 - i) * 60_000),
      });
    }
    for (const actor of accounts) {
      await expect(
        createPost({ actor, subheadingId, parentId: null, title: null, body: "One more." }),
      ).rejects.toMatchObject({ code: "RATE_LIMITED" });
    }
    expect(await db.post.count({ where: { subheadingId } })).toBe(10);
  });
});
