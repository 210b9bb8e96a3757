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
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Only server/ may touch the database client.
    files: ["app/**", "components/**", "lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "next/link",
              message: "Use @/components/link: next/link costs every page ~2 KB and prefetches every link in view.",
            },
          ],
          patterns: [
            {
              // The schema's enums (plain constants) are shared; the client is not.
              group: [
                "@/generated/prisma",
                "@/generated/prisma/*",
                "!@/generated/prisma/enums",
                "@/generated/prisma-pg",
                "@/generated/prisma-pg/*",
              ],
              message: "Only server/ imports the Prisma client (and only server/db.ts the PostgreSQL one).",
            },
          ],
        },
      ],
    },
  },
  {
    // Shared components never reach into server/ (database, session); the Server Actions in
    // server/actions/ are their one way in, as RPC endpoints.
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "next/link",
              message: "Use @/components/link: next/link costs every page ~2 KB and prefetches every link in view.",
            },
          ],
          patterns: [
            {
              group: [
                "@/server/*",
                "!@/server/actions",
                "@/generated/prisma/*",
                "!@/generated/prisma/enums",
                "@/generated/prisma-pg/*",
              ],
              message: "components/ only imports server/actions/.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "next/link",
              message: "Use @/components/link: next/link costs every page ~2 KB and prefetches every link in view.",
            },
          ],
          patterns: [
            {
              group: ["@/server/*", "@/generated/prisma/*", "!@/generated/prisma/enums", "@/generated/prisma-pg/*"],
              message: "lib/ is pure: it never imports server/.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["e2e/**"],
    ignores: ["e2e/test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@playwright/test",
              importNames: ["test"],
              message: "Import test from ./test: it fails a test on any Content-Security-Policy violation.",
            },
          ],
        },
      ],
    },
  },
  globalIgnores([
    ".next*/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "generated/**",
    "playwright-report/**",
    "test-results/**",
  ]),
]);
