import { loadEnvConfig } from "@next/env";
import { defineConfig } from "prisma/config";
import { SqliteAdapterFactory } from "./server/sqlite/adapter";

// Prisma skips .env once a config file exists: load the same files Next loads (.env,
// .env.local, …), so the CLI and the app always agree on the database.
loadEnvConfig(process.cwd());
process.env.DATABASE_URL ??= "file:./prisma/dev.db"; // the same default as server/env.ts

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { seed: "tsx prisma/seed.ts" },
  // The app's own adapter, so migrations also switch the file to WAL and take the same locks.
  adapter: async () => new SqliteAdapterFactory({ url: process.env.DATABASE_URL!, mode: "cli" }),
});
