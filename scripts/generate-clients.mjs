// Generates both Prisma clients (npm's postinstall): generated/prisma for SQLite, the embedded
// default, and generated/prisma-pg for PostgreSQL; server/db.ts picks one from DATABASE_URL at run
// time, so one build serves either database. The PostgreSQL schema is first regenerated from the
// SQLite one (scripts/pg-schema.mjs). Prisma's CLI wants a URL of the schema's own kind, even to
// generate; nothing connects to it.
import { execFileSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const prisma = path.join(root, "node_modules/.bin/prisma");
const run = (/** @type {string} */ schema, /** @type {string} */ url) =>
  execFileSync(prisma, ["generate", "--schema", schema], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" },
  });

execFileSync(process.execPath, [path.join(root, "scripts/pg-schema.mjs")], { stdio: "inherit" });
run("prisma/schema.prisma", "file:./prisma/generate.db");
run("prisma/pg/schema.prisma", "postgresql://generate@localhost/generate");
