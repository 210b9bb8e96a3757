// One set of models, two databases. The PostgreSQL schema is generated from the SQLite one, and
// the SQLite migrations must build exactly what the schema describes (the PostgreSQL migrations are
// checked the same way in schema-sync.pg.test.ts): a model changed without its migration, or a
// migration edited by hand away from the model, fails here.
import Database from "better-sqlite3";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { pgSchemaOf } from "../scripts/pg-schema.mjs";
import { schemaSql } from "./schema-sql";

describe("the schemas", () => {
  it("prisma/pg/schema.prisma is the SQLite schema with only its provider changed", () => {
    const sqlite = readFileSync("prisma/schema.prisma", "utf8");
    expect(readFileSync("prisma/pg/schema.prisma", "utf8")).toBe(pgSchemaOf(sqlite));
  });
});

// What the migrations add by hand beyond the schema, by name (20261122060000_search): the FTS5
// index of posts, the shadow tables FTS5 keeps it in, and the triggers that keep it in step with
// "Post". Anything else a migration adds still fails; and so does a later migration that rebuilds
// "Post" (Prisma's RedefineTables drops its triggers: re-create them and rebuild the index).
const SEARCH_OBJECTS = [
  { type: "table", name: "PostSearch", table: "PostSearch" },
  { type: "table", name: "PostSearch_config", table: "PostSearch_config" },
  { type: "table", name: "PostSearch_data", table: "PostSearch_data" },
  { type: "table", name: "PostSearch_docsize", table: "PostSearch_docsize" },
  { type: "table", name: "PostSearch_idx", table: "PostSearch_idx" },
  { type: "trigger", name: "PostSearch_delete", table: "Post" },
  { type: "trigger", name: "PostSearch_insert", table: "Post" },
  { type: "trigger", name: "PostSearch_update", table: "Post" },
];
const searchTables = new Set(SEARCH_OBJECTS.filter((o) => o.type === "table").map((o) => o.name));

describe("the SQLite migrations", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "schema-sync-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("build exactly the tables, columns, indexes and keys the schema describes", { timeout: 60_000 }, () => {
    const expectedFile = path.join(dir, "expected.db");
    const expected = new Database(expectedFile);
    expected.exec(schemaSql("prisma/schema.prisma", `file:${path.join(dir, "cli.db")}`));
    // test/fresh-database.ts applied every committed migration to this one.
    const migrated = new Database(process.env.DATABASE_URL!.slice("file:".length), { readonly: true });
    try {
      const tables = describeSqlite(migrated);
      for (const name of searchTables) delete tables[name];
      expect(tables).toEqual(describeSqlite(expected));
      // The search index, exactly: its tables and the triggers on "Post", and no other trigger or view.
      const handWritten = `SELECT type, name, tbl_name AS "table" FROM sqlite_master
        WHERE type IN ('trigger', 'view') OR name LIKE 'PostSearch%' ORDER BY type, name`;
      expect(migrated.prepare(handWritten).all()).toEqual(SEARCH_OBJECTS);
      expect(expected.prepare(handWritten).all()).toEqual([]);
    } finally {
      migrated.close();
      expected.close();
    }
  });
});

function describeSqlite(db: Database.Database) {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_prisma%' ESCAPE '\\' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((table) => [
      table,
      {
        // By name: a column added later (ALTER TABLE … ADD) comes last, wherever the model lists it.
        columns: (db.pragma(`table_info("${table}")`) as { cid: number; name: string }[])
          .map(({ cid: _position, ...column }) => column)
          .sort((a, b) => a.name.localeCompare(b.name)),
        foreignKeys: db.pragma(`foreign_key_list("${table}")`),
        indexes: (db.pragma(`index_list("${table}")`) as { name: string; unique: number; partial: number }[])
          .map(({ name, unique, partial }) => ({
            name,
            unique,
            partial,
            columns: (db.pragma(`index_info("${name}")`) as { name: string }[]).map((c) => c.name),
          }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      },
    ]),
  );
}
