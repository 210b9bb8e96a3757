import path from "node:path";
import { defineConfig } from "vitest/config";

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
    ],
    setupFiles: ["test/fresh-database.ts"],
    environment: "node",
  },
});
