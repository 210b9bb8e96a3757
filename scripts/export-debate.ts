// `npm run db:export -- <debate-slug> [md|json|argdown]`: writes a debate's export (what
// GET /debates/<slug>/export.<format> answers) to standard output, from the database at
// DATABASE_URL. docs/p2p-and-marxism.export.md is this for the seed, on a freshly seeded database:
//   DATABASE_URL=file:/tmp/export.db npx prisma migrate deploy && DATABASE_URL=file:/tmp/export.db npm run db:seed
//   DATABASE_URL=file:/tmp/export.db npm run -s db:export -- p2p-and-marxism > docs/p2p-and-marxism.export.md
// (server/export/export.test.ts fails when the committed file is not what the export gives.)
import { createDb } from "@/server/db";
import { EXPORT_FORMATS, exportDebate, type ExportFormat } from "@/server/export/export-debate";

async function main([slug, format = "md"]: string[]) {
  if (!slug || !(format in EXPORT_FORMATS))
    throw new Error("usage: npm run db:export -- <debate-slug> [md|json|argdown]");
  const db = createDb(undefined, { mode: "cli" });
  try {
    const exported = await exportDebate(db, slug, format as ExportFormat);
    if (!exported) throw new Error(`export: no debate "${slug}"`);
    for await (const chunk of exported.chunks) {
      if (!process.stdout.write(chunk)) await new Promise((resolve) => process.stdout.once("drain", resolve));
    }
  } finally {
    await db.$disconnect();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
