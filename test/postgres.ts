// PostgreSQL for the test suite's second leg (TEST_DATABASE=postgresql, TEST_PG_URL = a server URL
// with a user that may create databases; scripts/test-scale.sh sets both). Each test file gets a
// database of its own, copied from a template that has every committed PostgreSQL migration.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export const usesPostgres = () => process.env.TEST_DATABASE === "postgresql";

export function serverUrl(): string {
  const url = process.env.TEST_PG_URL;
  if (!url) throw new Error("TEST_DATABASE=postgresql needs TEST_PG_URL, a PostgreSQL server URL");
  return url;
}

/** The same server, another database. */
export function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

const migrationsDir = path.resolve("prisma/pg/migrations");

function migrationSql(): string[] {
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8"));
}

/** The template's name follows the migrations' content, so a changed migration gets a new one. */
export function templateName(): string {
  const hash = createHash("sha256");
  for (const sql of migrationSql()) hash.update(sql);
  return `dc_test_template_${hash.digest("hex").slice(0, 12)}`;
}

export async function withServer<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates the template database once (it stays for later runs: same migrations, same template). */
export async function ensureTemplate(): Promise<string> {
  const name = templateName();
  await withServer(async (server) => {
    const exists = await server.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount) return;
    const building = `${name}_building`;
    await server.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
    await server.query(`CREATE DATABASE "${building}"`);
    const template = new pg.Client({ connectionString: databaseUrl(building) });
    await template.connect();
    try {
      for (const sql of migrationSql()) await template.query(sql);
    } finally {
      await template.end();
    }
    // Renamed only once complete, so an interrupted run never leaves a half-built template.
    await server.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
  });
  return name;
}
