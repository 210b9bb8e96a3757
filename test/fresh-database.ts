// Runs before each test file: a new SQLite database with every committed migration applied,
// so each file starts from an empty, current schema and files never share state.
import Database from "better-sqlite3";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

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
// Session cookies in action tests are signed with this; never used outside tests.
process.env.NEXTAUTH_SECRET = "vitest-only-secret-0123456789abcdef";

afterAll(() => rmSync(dir, { recursive: true, force: true }));
