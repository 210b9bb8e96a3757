// The adapter against real SQLite files: outside connections stand in for other processes (a
// shell, a backup, a second writer), and transactions are held open by promises the test controls.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/server/db";
import { BUSY_DEADLINE_MS, isDatabaseBusy, SqliteAdapterFactory } from "./adapter";

const url = process.env.DATABASE_URL!;
const file = url.replace(/^file:/, "");
const db = createDb(url);

let sequence = 0;
const newUser = () => {
  const email = `adapter-${++sequence}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  return { name: email, email };
};

/** Opens a connection of its own, as another process would, and always closes it. */
function withOutside<T>(fn: (outside: Database.Database) => T): T {
  const outside = new Database(file, { timeout: 0 });
  try {
    return fn(outside);
  } finally {
    outside.close();
  }
}

/** What is durable: rows counted through a brand-new connection, not what a client believes. */
const durableCount = (sql: string, ...params: unknown[]) =>
  withOutside((c) => Number((c.prepare(sql).get(...params) as { n: number | bigint }).n));
const durableUsers = (...emails: string[]) =>
  durableCount(`SELECT count(*) AS n FROM User WHERE email IN (${emails.map(() => "?").join(",")})`, ...emails);

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// Bounded even where the old adapter hung for ever; the busy test waits out the 5 s deadline.
const slow = { timeout: 20_000 };

// Connected (and switched to WAL) first, as the running app is before anyone opens a shell.
beforeAll(() => db.$queryRaw`SELECT 1`);
afterAll(() => db.$disconnect());

describe("the SQLite adapter", () => {
  it("commits while another process holds a read transaction open", slow, async () => {
    const [inTransaction, plain] = [newUser(), newUser()];
    const outside = new Database(file, { timeout: 0 });
    try {
      outside.exec("BEGIN");
      outside.prepare("SELECT count(*) FROM User").get(); // now holds a read lock / snapshot
      await db.$transaction(async (tx) => {
        await tx.user.create({ data: inTransaction });
      });
      await db.user.create({ data: plain });
      await sleep(100); // well past the server's 20 ms SQLite busy timeout, reader still open
      expect(await db.user.count({ where: { email: { in: [inTransaction.email, plain.email] } } })).toBe(2);
      outside.exec("COMMIT");
    } finally {
      outside.close();
    }
    expect(durableUsers(inTransaction.email, plain.email)).toBe(2);
  });

  it("gives up busy, never freezing the event loop, while another process keeps the write lock", slow, async () => {
    const [refused, refusedPlain, later] = [newUser(), newUser(), newUser()];
    const outside = new Database(file, { timeout: 0 });
    try {
      outside.exec("BEGIN IMMEDIATE");
      const released = sleep(BUSY_DEADLINE_MS + 2_500).then(() => outside.open && outside.exec("ROLLBACK"));
      const ticks = [Date.now()];
      const ticker = setInterval(() => ticks.push(Date.now()), 50);
      const started = Date.now();
      const outcomes = await Promise.allSettled([
        db.$transaction(async (tx) => {
          await tx.user.create({ data: refused });
        }),
        db.user.create({ data: refusedPlain }),
      ]);
      const waited = Date.now() - started;
      clearInterval(ticker);
      ticks.push(Date.now());

      // The waiting happened between event-loop turns, not inside SQLite's synchronous busy wait
      // (which froze the loop for the whole 5 s and more; a busy CI machine may pause it briefly).
      const longestPause = Math.max(...ticks.slice(1).map((t, i) => t - ticks[i]!));
      expect(longestPause).toBeLessThan(1_000);
      for (const outcome of outcomes) {
        expect(outcome.status).toBe("rejected");
        expect(isDatabaseBusy((outcome as PromiseRejectedResult).reason)).toBe(true);
      }
      expect(waited).toBeGreaterThanOrEqual(BUSY_DEADLINE_MS - 100);
      expect(waited).toBeLessThan(BUSY_DEADLINE_MS + 2_000);

      await released;
      const afterRelease = Date.now();
      await db.$transaction(async (tx) => {
        await tx.user.create({ data: later });
      });
      expect(Date.now() - afterRelease).toBeLessThan(1_000);
    } finally {
      outside.close();
    }
    expect(durableUsers(refused.email, refusedPlain.email)).toBe(0);
    expect(durableUsers(later.email)).toBe(1);
  });

  it("recovers from a COMMIT that fails (a deferred foreign key)", slow, async () => {
    const debate = await db.debate.create({
      data: { slug: `commit-${++sequence}`, title: "Commit", body: "b", bodyHtml: "<p>b</p>" },
    });
    const failing = db.$transaction(async (tx) => {
      await tx.$executeRaw`PRAGMA defer_foreign_keys = ON`;
      await tx.post.create({
        data: { debateId: debate.id, subheadingId: "no-such-subheading", body: "orphan", bodyHtml: "<p>orphan</p>" },
      });
    });
    // Prisma passes an error from commit() on as the adapter's own, not as a P2003.
    await expect(failing).rejects.toMatchObject({
      name: "DriverAdapterError",
      cause: { kind: "ForeignKeyConstraintViolation", originalCode: "SQLITE_CONSTRAINT_FOREIGNKEY" },
    });
    expect(durableCount(`SELECT count(*) AS n FROM Post WHERE body = 'orphan'`)).toBe(0);

    const [next, plain] = [newUser(), newUser()];
    await db.$transaction(async (tx) => {
      await tx.user.create({ data: next });
    });
    await db.user.create({ data: plain });
    expect(durableUsers(next.email, plain.email)).toBe(2);
  });

  it("keeps an open transaction's rows from reads outside it, and drops them on rollback", async () => {
    const user = newUser();
    const inserted = gate();
    const finish = gate();
    const a = db.$transaction(async (tx) => {
      await tx.user.create({ data: user });
      inserted.open();
      await finish.opened;
      throw new Error("roll back");
    });
    await inserted.opened;
    expect(await db.user.findMany({ where: { email: user.email } })).toEqual([]);
    expect(await db.user.count({ where: { email: user.email } })).toBe(0);
    finish.open();
    await expect(a).rejects.toThrow("roll back");
    expect(await db.user.count({ where: { email: user.email } })).toBe(0);
    expect(durableUsers(user.email)).toBe(0);
  });

  it("keeps writes made outside a transaction when a transaction open beside them rolls back", async () => {
    const debate = await db.debate.create({
      data: { slug: `views-${++sequence}`, title: "Views", body: "b", bodyHtml: "<p>b</p>" },
    });
    const member = await db.user.create({ data: newUser() });
    const started = gate();
    const finish = gate();
    const a = db.$transaction(async (tx) => {
      await tx.user.create({ data: newUser() });
      started.open();
      await finish.opened;
      throw new Error("roll back");
    });
    await started.opened;
    // Sent now (`.then`: Prisma's promises are lazy) and given a moment to run, but not awaited:
    // they wait for A to finish with the writer. The view counter (POST /api/debates/<slug>/views)
    // is an updateMany, which Prisma wraps in a transaction of its own; a rename is one autocommit
    // UPDATE, which the old adapter ran inside A.
    const view = db.debate
      .updateMany({ where: { id: debate.id }, data: { viewCount: { increment: 1 } } })
      .then(({ count }) => count);
    const rename = db.user.update({ where: { id: member.id }, data: { name: "Renamed" } }).then((u) => u.name);
    await Promise.race([Promise.all([view, rename]), sleep(100)]);
    finish.open();
    await expect(a).rejects.toThrow("roll back");
    expect(await view).toBe(1);
    expect(await rename).toBe("Renamed");
    expect(durableCount(`SELECT viewCount AS n FROM Debate WHERE id = ?`, debate.id)).toBe(1);
    expect(durableCount(`SELECT count(*) AS n FROM User WHERE id = ? AND name = 'Renamed'`, member.id)).toBe(1);
  });

  it("runs 50 concurrent transactions beside 50 concurrent reads, every one counted", async () => {
    const users = Array.from({ length: 50 }, newUser);
    const emails = users.map((u) => u.email);
    const before = await db.user.count();
    const results = await Promise.all([
      ...users.map((data) => db.$transaction((tx) => tx.user.create({ data }))),
      ...users.map(() => db.user.count()),
    ]);
    expect(results).toHaveLength(100);
    for (const seen of results.slice(50) as number[]) {
      expect(seen).toBeGreaterThanOrEqual(before);
      expect(seen).toBeLessThanOrEqual(before + 50);
    }
    expect(await db.user.count({ where: { email: { in: emails } } })).toBe(50);
    expect(durableUsers(...emails)).toBe(50);
  });

  it("refuses to use a transaction again once it has committed", async () => {
    const adapter = await new SqliteAdapterFactory({ url, mode: "server" }).connect();
    try {
      const tx = await adapter.startTransaction();
      await tx.commit();
      await expect(tx.commit()).rejects.toThrow("TransactionAlreadyClosed");
      await expect(tx.rollback()).rejects.toThrow("TransactionAlreadyClosed");
      await expect(tx.executeRaw({ sql: "DELETE FROM User", args: [], argTypes: [] })).rejects.toThrow();
      const next = await adapter.startTransaction(); // the writer is free again
      await next.rollback();
    } finally {
      await adapter.dispose();
    }
  });

  it("recognises busy errors and nothing else", () => {
    expect(isDatabaseBusy(Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" }))).toBe(true);
    expect(isDatabaseBusy(new Error("SQLITE_BUSY"))).toBe(false);
    expect(isDatabaseBusy(Object.assign(new Error("x"), { code: "SQLITE_CONSTRAINT_FOREIGNKEY" }))).toBe(false);
    expect(isDatabaseBusy(undefined)).toBe(false);
  });
});
