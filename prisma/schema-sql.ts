import { execFileSync } from "node:child_process";

/** The SQL Prisma would write to create the whole schema from nothing (the CLI connects to `databaseUrl`). */
export function schemaSql(schema: string, databaseUrl: string): string {
  return execFileSync(
    "node_modules/.bin/prisma",
    ["migrate", "diff", "--from-empty", "--to-schema-datamodel", schema, "--script"],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1" },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
}
