import path from "node:path";
import { defineConfig } from "vitest/config";

// One suite, two legs: SQLite (the default) and PostgreSQL (TEST_DATABASE=postgresql, with
// TEST_PG_URL; scripts/test-scale.sh runs it). Files that need a server of their own run only
// where it is given: *.redis.test.ts with TEST_REDIS_URL, *.pg.test.ts with TEST_PG_URL.
const postgresLeg = process.env.TEST_DATABASE === "postgresql";

// Tests of the SQLite driver adapter and of reading the SQLite file from outside: they concern
// the embedded database only and run on the SQLite leg.
const sqliteOnly = [
  "server/sqlite/**",
  "app/api/health/route.test.ts",
  "cache-handlers/outside-log.test.ts",
  "prisma/schema-sync.test.ts",
];

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside React's server build; domain code is tested as plain Node.
      "server-only": path.resolve(import.meta.dirname, "test/server-only.ts"),
    },
  },
  test: {
    include: [
      "lib/**/*.test.ts",
      "server/**/*.test.ts",
      "app/**/*.test.ts",
      "prisma/**/*.test.ts",
      "cache-handlers/**/*.test.ts",
      "http-server/**/*.test.ts",
      "scripts/**/*.test.ts",
    ],
    exclude: [
      "**/node_modules/**",
      ...(process.env.TEST_REDIS_URL ? [] : ["**/*.redis.test.ts"]),
      ...(process.env.TEST_PG_URL ? [] : ["**/*.pg.test.ts"]),
      ...(postgresLeg ? sqliteOnly : []),
    ],
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/fresh-database.ts"],
    environment: "node",
  },
});
