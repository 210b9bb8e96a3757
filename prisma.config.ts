import { loadEnvConfig } from "@next/env";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

// Prisma skips .env once a config file exists: load the same files Next loads (.env,
// .env.local, …), so the CLI and the app always agree on the database.
loadEnvConfig(process.cwd());
process.env.DATABASE_URL ??= "file:./prisma/dev.db"; // the same default as server/env.ts

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { seed: "tsx prisma/seed.ts" },
  adapter: async () => new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! }),
});
