// Runs before each test file: a new database with every committed migration applied, so each file
// starts from an empty, current schema and files never share state. SQLite by default; PostgreSQL
// on the suite's second leg (TEST_DATABASE=postgresql), copied from a migrated template.
import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { databaseUrl, templateName, usesPostgres, withServer } from "./postgres";

// Session cookies in action tests are signed with this; never used outside tests.
process.env.NEXTAUTH_SECRET = "vitest-only-secret-0123456789abcdef";
// The app's own Redis (a developer's shell may export it) never leaks into tests: files that test
// Redis (*.redis.test.ts) point at TEST_REDIS_URL themselves, under a prefix of their own.
delete process.env.REDIS_URL;

if (usesPostgres()) {
  const name = `dc_test_file_${randomBytes(6).toString("hex")}`;
  await withServer((server) => server.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName()}"`));
  process.env.DATABASE_URL = databaseUrl(name);
  // Dropped by test/global-setup.ts once every file has finished: dropping it here would cut the
  // connections of clients the file's modules still hold.
} else {
  const dir = mkdtempSync(path.join(tmpdir(), "debate-commons-test-"));
  const file = path.join(dir, "test.db");
  const migrations = path.resolve("prisma/migrations");
  const sqlite = new Database(file);
  for (const name of readdirSync(migrations, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()) {
    sqlite.exec(readFileSync(path.join(migrations, name, "migration.sql"), "utf8"));
  }
  sqlite.close();
  process.env.DATABASE_URL = `file:${file}`;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
}
