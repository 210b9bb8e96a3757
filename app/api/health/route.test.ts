import Database from "better-sqlite3";
import type * as NextServer from "next/server";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { createHealthCheck } from "@/server/sqlite/check-health";
import { GET as live } from "./live/route";
import { GET } from "./route";

// connection() only marks the handler dynamic for Next's prerender; outside a request it throws.
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof NextServer>()),
  connection: async () => undefined,
}));

const file = process.env.DATABASE_URL!.replace(/^file:/, "");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// GET reuses a result for 1 s: wait that out between checks that must really run.
const REUSE_MS = 1_000;

afterAll(() => db.$disconnect());

describe("GET /api/health", () => {
  it("answers 200 once it has written the health row and read it back", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, read: true, write: true, ms: expect.any(Number) });
    const outside = new Database(file, { readonly: true });
    try {
      expect(outside.prepare("SELECT count(*) AS n FROM HealthCheck").get()).toEqual({ n: 1 });
    } finally {
      outside.close();
    }
  });

  // The write waits out the adapter's 5 s busy deadline before the check gives up.
  it("answers 503, not 500, while another process keeps the write lock", { timeout: 20_000 }, async () => {
    await sleep(REUSE_MS);
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const outside = new Database(file, { timeout: 0 });
    try {
      outside.exec("BEGIN IMMEDIATE");
      const response = await GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ ok: false, read: true, write: false, reason: "database busy" });
      expect(logged).toHaveBeenCalledOnce(); // the details go to the log
    } finally {
      outside.close();
      logged.mockRestore();
    }
    await sleep(REUSE_MS);
    expect((await GET()).status).toBe(200);
  });

  it("shares one check between concurrent callers and reuses it for a second", async () => {
    let upserts = 0;
    const fake = {
      upsert: async () => (upserts++, await sleep(20)),
      findUnique: async () => ({ checkedAt: new Date(Date.now() + 60_000) }),
    } as unknown as Parameters<typeof createHealthCheck>[0]["healthCheck"];
    const check = createHealthCheck({ healthCheck: fake });
    const results = await Promise.all(Array.from({ length: 20 }, () => check()));
    expect(upserts).toBe(1);
    expect(new Set(results).size).toBe(1);
    await check();
    expect(upserts).toBe(1);
    await sleep(REUSE_MS + 50);
    await check();
    expect(upserts).toBe(2);
  });
});

describe("GET /api/health/live", () => {
  it("answers without touching the database", async () => {
    const response = live();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });
});
