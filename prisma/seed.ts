// `npm run db:seed`: imports every archived debate in prisma/seed-data/ (idempotent: a second run
// adds nothing), re-renders any HTML stored by an older Markdown pipeline, and stores the look-alike
// key of every display name that has none or an outdated one (server/users/display-name.ts), and
// gives every user without a handle one (server/users/handle.ts).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createDb } from "@/server/db";
import { importDebate } from "@/server/import/import-debate";
import { rerenderStale } from "@/server/posts/rerender-stale";
import { backfillNameKeys } from "@/server/users/display-name";
import { backfillHandles } from "@/server/users/handle";

// npm runs scripts from the project root.
const dataDir = path.resolve("prisma/seed-data");

async function main() {
  const db = createDb(undefined, { mode: "cli" });
  try {
    for (const file of readdirSync(dataDir)
      .filter((f) => f.endsWith(".json"))
      .sort()) {
      const summary = await importDebate(db, JSON.parse(readFileSync(path.join(dataDir, file), "utf8")));
      const added =
        summary.debateCreated || summary.subheadingsCreated || summary.postsCreated || summary.authorsCreated;
      console.log(
        added
          ? `seed: ${file}: added ${summary.debateCreated ? "the debate, " : ""}${summary.subheadingsCreated} subheadings, ${summary.postsCreated} posts, ${summary.authorsCreated} authors`
          : `seed: ${file}: already imported, nothing to add`,
      );
    }
    const rerendered = await rerenderStale(db);
    if (rerendered > 0) console.log(`seed: re-rendered ${rerendered} posts for the current Markdown pipeline`);
    const keyed = await backfillNameKeys(db);
    if (keyed > 0) console.log(`seed: stored the look-alike key of ${keyed} display names`);
    const handled = await backfillHandles(db);
    if (handled > 0) console.log(`seed: gave ${handled} users a handle (their profile's address)`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
