import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/no-floating-promises": "error",
    },
  },
  {
    // Only server/ may touch the database client.
    files: ["app/**", "components/**", "lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/generated/*", "**/generated/prisma/*"], message: "Only server/ imports the Prisma client." }] },
      ],
    },
  },
  {
    // Shared components are presentational: no database, no session.
    files: ["components/**", "lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/server/*", "@/generated/*"], message: "components/ and lib/ never import server/." }] },
      ],
    },
  },
  globalIgnores([".next*/**", "out/**", "build/**", "next-env.d.ts", "generated/**", "playwright-report/**", "test-results/**"]),
]);
