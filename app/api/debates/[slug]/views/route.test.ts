import { describe, expect, it, vi } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "@/lib/client-address-header";
import { db } from "@/server/db";
import { createDebate, createMember } from "@/test/factories";
import { setRequestHeaders } from "@/test/next-headers";
import { sessionCookie } from "@/test/session-cookie";
import { POST } from "./route";

vi.mock("next/headers", () => import("@/test/next-headers"));

const SITE = "http://localhost:3000";
// What a browser sends with the page's beacon (app/debates/[slug]/_components/debate-page-client.tsx): a same-origin fetch.
const BEACON = { origin: SITE, "sec-fetch-site": "same-origin", "sec-fetch-mode": "cors", "sec-fetch-dest": "empty" };

let addresses = 0;
/** A visitor at an address of their own (as server.mjs reports it), optionally signed in. */
async function visitor(options: { address?: string; member?: { id: string } } = {}) {
  const headers: Record<string, string> = {
    [CLIENT_ADDRESS_HEADER]: options.address ?? `203.0.113.${++addresses}`,
  };
  if (options.member) headers.cookie = await sessionCookie(options.member.id);
  return headers;
}

function call(slug: string, headers: Record<string, string>) {
  const all = new Headers({ host: "localhost:3000", ...headers });
  setRequestHeaders(all);
  const request = new Request(`${SITE}/api/debates/${slug}/views`, { method: "POST", headers: all });
  return POST(request, { params: Promise.resolve({ slug }) });
}
const views = async (id: string) => (await db.debate.findUniqueOrThrow({ where: { id } })).viewCount;

describe("POST /api/debates/[slug]/views", () => {
  it("counts a view sent from this site", async () => {
    const debate = await createDebate();
    const response = await call(debate.slug, { ...BEACON, ...(await visitor()) });
    expect(response.status).toBe(204);
    expect(await views(debate.id)).toBe(1);
  });

  it("refuses another site, or a request with no Origin, and counts nothing", async () => {
    const debate = await createDebate();
    expect((await call(debate.slug, { ...(await visitor()), origin: "https://evil.example" })).status).toBe(403);
    expect((await call(debate.slug, await visitor())).status).toBe(403);
    expect(await views(debate.id)).toBe(0);
  });

  it("ignores a request that is not the page's own fetch, even with this site's Origin", async () => {
    const debate = await createDebate();
    const forged = [
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
      { "sec-fetch-site": "none" },
      { "sec-fetch-mode": "navigate" },
      { "sec-fetch-mode": "no-cors" },
      { "sec-fetch-dest": "document" },
    ];
    for (const headers of forged) {
      const response = await call(debate.slug, { ...BEACON, ...headers, ...(await visitor()) });
      expect(response.status, JSON.stringify(headers)).toBe(403);
    }
    expect(await views(debate.id)).toBe(0);
  });

  it("counts one view per visitor per hour however often they send it", async () => {
    const debate = await createDebate();
    const someone = await visitor();
    for (let i = 0; i < 5; i++) expect((await call(debate.slug, { ...BEACON, ...someone })).status).toBe(204);
    expect(await views(debate.id)).toBe(1);

    // A member is one visitor wherever they are; another debate is another count.
    const member = await createMember();
    await call(debate.slug, { ...BEACON, ...(await visitor({ member, address: "198.51.100.1" })) });
    await call(debate.slug, { ...BEACON, ...(await visitor({ member, address: "198.51.100.2" })) });
    expect(await views(debate.id)).toBe(2);
    const other = await createDebate();
    await call(other.slug, { ...BEACON, ...someone });
    expect(await views(other.id)).toBe(1);
  });

  it("counts two visitors twice", async () => {
    const debate = await createDebate();
    await call(debate.slug, { ...BEACON, ...(await visitor()) });
    await call(debate.slug, { ...BEACON, ...(await visitor()) });
    expect(await views(debate.id)).toBe(2);
  });

  it("answers 404 for an unknown debate, every time", async () => {
    const someone = await visitor();
    expect((await call("no-such-debate", { ...BEACON, ...someone })).status).toBe(404);
    expect((await call("no-such-debate", { ...BEACON, ...someone })).status).toBe(404);
  });
});
