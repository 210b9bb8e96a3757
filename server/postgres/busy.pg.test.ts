// PostgreSQL's "not now" errors reach members as "busy, try again" (503), like SQLite's locked
// database, not as a 500. Needs a PostgreSQL server: TEST_PG_URL.
import { afterAll, describe, expect, it } from "vitest";
import { serverUrl } from "@/test/postgres";
import { createDb } from "../db";
import { isDatabaseBusy } from "../sqlite/busy";

const db = createDb(serverUrl());
afterAll(() => db.$disconnect());

describe("isDatabaseBusy on PostgreSQL", () => {
  it("recognises a lock that could not be had in time", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked = () => {};
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(424242)`;
      locked();
      await held;
    });
    await isLocked;
    const waiter = db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL lock_timeout = '50ms'`;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(424242)`;
    });
    const error = await waiter.then(
      () => null,
      (e: unknown) => e,
    );
    release();
    await holder;
    expect(error).not.toBeNull();
    expect(isDatabaseBusy(error)).toBe(true);
  });

  it("does not call every error busy", async () => {
    const error = await db.$executeRaw`SELECT * FROM "no such table"`.then(
      () => null,
      (e: unknown) => e,
    );
    expect(isDatabaseBusy(error)).toBe(false);
  });
});

describe("isDatabaseBusy on a transaction that outlived its timeout", () => {
  it("says busy (the transaction was rolled back)", async () => {
    const error = await db
      .$transaction(
        async (tx) => {
          await new Promise((resolve) => setTimeout(resolve, 150));
          await tx.$executeRaw`SELECT 1`;
        },
        { timeout: 50 },
      )
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toMatchObject({ code: "P2028" });
    expect(isDatabaseBusy(error)).toBe(true);
  });
});
