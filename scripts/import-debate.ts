// `npm run db:import -- <file.json> [...]`: imports archived debates in the format of
// prisma/seed-data/*.json into the database at DATABASE_URL. Safe to repeat: only what is
// missing is added.
import { readFileSync } from "node:fs";
import { createDb } from "@/server/db";
import { importDebate } from "@/server/import/import-debate";

async function main(files: string[]) {
  if (files.length === 0) throw new Error("usage: npm run db:import -- <file.json> [...]");
  const db = createDb(undefined, { mode: "cli" });
  try {
    for (const file of files) {
      const s = await importDebate(db, JSON.parse(readFileSync(file, "utf8")));
      console.log(
        `import: ${file}: ${s.debateCreated ? "new debate, " : ""}${s.subheadingsCreated} subheadings, ${s.postsCreated} posts, ${s.authorsCreated} authors added`,
      );
    }
  } finally {
    await db.$disconnect();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
