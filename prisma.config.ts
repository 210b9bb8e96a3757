import { loadEnvConfig } from "@next/env";
import { defineConfig } from "prisma/config";
import { createPgAdapter, isPostgresUrl } from "./server/postgres/connection";
import { SqliteAdapterFactory } from "./server/sqlite/adapter";

// Prisma skips .env once a config file exists: load the same files Next loads (.env,
// .env.local, …), so the CLI and the app always agree on the database.
loadEnvConfig(process.cwd());
process.env.DATABASE_URL ??= "file:./prisma/dev.db"; // the same default as server/env.ts

const url = process.env.DATABASE_URL;
// A postgresql:// URL selects PostgreSQL: its schema is generated from the SQLite one
// (scripts/pg-schema.mjs) and its migrations live beside it, in prisma/pg/migrations.
const postgres = isPostgresUrl(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: postgres ? "prisma/pg/schema.prisma" : "prisma/schema.prisma",
  migrations: { seed: "tsx prisma/seed.ts" },
  // SQLite: the app's own adapter, so migrations also switch the file to WAL and take the same locks.
  adapter: async () => (postgres ? createPgAdapter(url, { max: 2 }) : new SqliteAdapterFactory({ url, mode: "cli" })),
});
