// The PostgreSQL migrations must build exactly what prisma/pg/schema.prisma (generated from the
// SQLite schema) describes, plus only the CHECK constraints Prisma cannot express, which the
// SQLite migrations carry too. Needs a PostgreSQL server: TEST_PG_URL.
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { databaseUrl, withServer } from "@/test/postgres";
import { schemaSql } from "./schema-sql";

const names = {
  migrated: `dc_sync_${randomBytes(4).toString("hex")}`,
  expected: `dc_sync_${randomBytes(4).toString("hex")}`,
};

async function withDatabase<T>(name: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl(name) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Tables, columns, indexes and constraints of the public schema, in a comparable form. */
async function describePostgres(client: pg.Client) {
  const columns = await client.query(
    `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, is_generated
     FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '\\_prisma%'
     ORDER BY table_name, column_name`,
  );
  const indexes = await client.query(
    `SELECT tablename, indexname, indexdef FROM pg_indexes
     WHERE schemaname = 'public' AND tablename NOT LIKE '\\_prisma%' ORDER BY indexname`,
  );
  const constraints = await client.query(
    `SELECT c.conrelid::regclass::text AS "table", c.conname, c.contype, pg_get_constraintdef(c.oid) AS definition
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE n.nspname = 'public' AND c.conrelid <> 0 AND c.conrelid::regclass::text NOT LIKE '\\_prisma%'
     ORDER BY c.conname`,
  );
  const enums = await client.query(
    `SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
     FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY t.typname`,
  );
  return { columns: columns.rows, indexes: indexes.rows, constraints: constraints.rows, enums: enums.rows };
}

// What the migrations add by hand beyond the schema, by name (20261122060000_search): the
// generated tsvector of each post and its GIN index. Anything else a migration adds still fails.
const SEARCH_COLUMN = { table_name: "Post", column_name: "searchVector", udt_name: "tsvector", is_generated: "ALWAYS" };
const SEARCH_INDEX = {
  tablename: "Post",
  indexname: "Post_searchVector_idx",
  indexdef: 'CREATE INDEX "Post_searchVector_idx" ON public."Post" USING gin ("searchVector")',
};

describe("the PostgreSQL migrations", () => {
  afterAll(() =>
    withServer(async (server) => {
      for (const name of Object.values(names)) await server.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }),
  );

  it(
    "build exactly the schema generated from the SQLite one, plus the same CHECKs as SQLite",
    { timeout: 60_000 },
    async () => {
      await withServer(async (server) => {
        for (const name of Object.values(names)) await server.query(`CREATE DATABASE "${name}"`);
      });
      const dir = path.resolve("prisma/pg/migrations");
      const migrations = readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort();
      const migrated = await withDatabase(names.migrated, async (client) => {
        for (const name of migrations) await client.query(readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
        return describePostgres(client);
      });
      const expected = await withDatabase(names.expected, async (client) => {
        await client.query(schemaSql("prisma/pg/schema.prisma", databaseUrl(names.expected)));
        return describePostgres(client);
      });

      // The search column and its index, exactly; then the rest must match the schema.
      const isSearchColumn = (c: Record<string, unknown>) =>
        c.table_name === SEARCH_COLUMN.table_name && c.column_name === SEARCH_COLUMN.column_name;
      expect(migrated.columns.filter(isSearchColumn)).toMatchObject([SEARCH_COLUMN]);
      expect(migrated.indexes.filter((i) => i.indexname === SEARCH_INDEX.indexname)).toEqual([SEARCH_INDEX]);
      migrated.columns = migrated.columns.filter((c) => !isSearchColumn(c));
      migrated.indexes = migrated.indexes.filter((i) => i.indexname !== SEARCH_INDEX.indexname);

      const checks = migrated.constraints.filter((c) => c.contype === "c");
      expect({ ...migrated, constraints: migrated.constraints.filter((c) => c.contype !== "c") }).toEqual(expected);
      // Each CHECK added by hand here is in the SQLite migrations too (same table, same condition).
      const sqliteSql = readdirSync("prisma/migrations", { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => readFileSync(path.join("prisma/migrations", entry.name, "migration.sql"), "utf8"))
        .join("\n")
        .replace(/\s+/g, " ");
      for (const check of checks) {
        const condition = String(check.definition).replace(/^CHECK \(\((.*)\)\)$/, "$1");
        expect(sqliteSql).toContain(`CHECK (${condition})`);
      }
    },
  );
});
