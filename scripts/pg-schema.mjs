// The PostgreSQL schema is generated, never edited: prisma/schema.prisma (SQLite, the embedded
// default) holds the one set of models, and this writes prisma/pg/schema.prisma from it with only
// the datasource provider and the client's output folder changed. A Prisma client is generated
// for one provider, so the app carries two (generated/prisma, generated/prisma-pg) and picks one
// at run time from DATABASE_URL (server/db.ts).
//   node scripts/pg-schema.mjs           writes it
//   node scripts/pg-schema.mjs --check   exits 1 when the committed file is not what it would write
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const source = path.join(root, "prisma/schema.prisma");
const target = path.join(root, "prisma/pg/schema.prisma");

/** @param {string} sqlite the SQLite schema's text */
export function pgSchemaOf(sqlite) {
  /** @param {string} text @param {RegExp} pattern @param {string} replacement */
  const replaceOnce = (text, pattern, replacement) => {
    const matches = text.match(new RegExp(pattern, "g")) ?? [];
    if (matches.length !== 1) throw new Error(`expected exactly one match of ${pattern} in prisma/schema.prisma`);
    return text.replace(pattern, replacement);
  };
  let schema = replaceOnce(sqlite, /provider\s*=\s*"sqlite"/, 'provider = "postgresql"');
  schema = replaceOnce(schema, /output(\s*)=\s*"\.\.\/generated\/prisma"/, 'output$1= "../../generated/prisma-pg"');
  return (
    "// GENERATED from prisma/schema.prisma by scripts/pg-schema.mjs: edit that file, then run\n" +
    "// `node scripts/pg-schema.mjs` (npm run db:migration does it). A test fails when they differ.\n\n" +
    schema
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const wanted = pgSchemaOf(readFileSync(source, "utf8"));
  if (process.argv.includes("--check")) {
    let current = "";
    try {
      current = readFileSync(target, "utf8");
    } catch {}
    if (current !== wanted) {
      console.error("prisma/pg/schema.prisma is out of date: run `node scripts/pg-schema.mjs`");
      process.exit(1);
    }
  } else {
    writeFileSync(target, wanted);
  }
}
