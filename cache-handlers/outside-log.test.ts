import Database from "better-sqlite3";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openOutsideLog } from "./outside-log.mjs";
import { createMemoryTagStore, now } from "./tag-store.mjs";

function database() {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "outside-log-")), "db.sqlite");
  const db = new Database(file);
  db.exec(
    `CREATE TABLE "CacheInvalidation" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "tag" TEXT NOT NULL, "at" REAL NOT NULL)`,
  );
  const record = (tag: string, at = now() + 5) =>
    db.prepare(`INSERT INTO "CacheInvalidation" ("tag", "at") VALUES (?, ?)`).run(tag, at);
  return { url: `file:${file}`, record };
}

describe("the outside log (invalidations by other processes)", () => {
  it("lets the server's store see a tag another process invalidated, from its next check on", async () => {
    const { url, record } = database();
    record("thread:before-start", now() + 60_000); // recorded before this process: not its concern
    const store = createMemoryTagStore({ outside: openOutsideLog(url) });
    const readAt = now();
    expect(await store.invalidatedAfter(["debate-posts:d1"], readAt)).toBe(false);
    expect(await store.invalidatedAfter(["thread:before-start"], readAt)).toBe(false);

    record("debate-posts:d1"); // an import committed a batch into debate d1
    expect(await store.invalidatedAfter(["debate-posts:d1"], readAt)).toBe(true);
    expect(await store.invalidatedAfter(["debate-posts:d2"], readAt)).toBe(false);
    // An entry read after that invalidation is fresh.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await store.invalidatedAfter(["debate-posts:d1"], now())).toBe(false);
  });

  it("is absent when there is no database file or no table yet", () => {
    expect(openOutsideLog("file:/nonexistent/folder/db.sqlite")).toBeNull();
    const file = path.join(mkdtempSync(path.join(tmpdir(), "outside-log-")), "empty.sqlite");
    new Database(file).close();
    expect(openOutsideLog(`file:${file}`)).toBeNull();
    // A database that is not a SQLite file has no outside log to read.
    expect(openOutsideLog("tcp://db.elsewhere.example:5432/debates")).toBeNull();
  });
});
