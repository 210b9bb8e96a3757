import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { e2eCommandEnv } from "./members";

/** A synthesis, as the archive format carries one (server/import/debate-file.ts). */
type SynthesisFile = { status: string; body: string };

export type SeedFile = {
  debate: { slug: string; title: string; author: string; views: number; body: string; synthesis?: SynthesisFile };
  sections: { slug: string; title: string; position: number; synthesis?: SynthesisFile }[];
  posts: {
    id: string;
    author: string | null;
    authorNote: string | null;
    section: string;
    parent: string | null;
    title: string | null;
    body: string;
  }[];
  articles: {
    id: string;
    title: string;
    author: string;
    authorNote: string | null;
    date: string | null;
    section: string;
    body: string;
    comments: { id: string; author: string; body: string }[];
  }[];
};

export const seed = JSON.parse(readFileSync(path.resolve("prisma/seed-data/p2p-and-marxism.json"), "utf8")) as SeedFile;

/** A run of plain words from the start of a Markdown body, as the page shows it. */
export function snippet(markdown: string, words = 8): string {
  const firstLine =
    markdown.split("\n").find((line) => /[a-z]{3}/i.test(line.replace(/https?:\/\/\S+/g, ""))) ?? markdown;
  const plain = firstLine
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/[*_#>`[\]()"“”]/g, " ")
    .replace(/^\s*[-\d.]+\s+/, "")
    .replace(/\s+/g, " ")
    .trim();
  return plain.split(" ").slice(0, words).join(" ");
}

let counter = 0;
/**
 * Imports a debate of the test's own into the e2e database through the same importer as the
 * seed (npm run db:import), and returns it. Its slug is unique, so no cached page exists yet.
 */
export function importDebate(
  build: (slug: string) => Omit<SeedFile, "articles"> & { articles?: SeedFile["articles"] },
): SeedFile {
  const slug = `e2e-${process.pid}-${Date.now().toString(36)}-${++counter}`;
  const file = { articles: [], ...build(slug) } as SeedFile;
  const target = path.join(process.env.E2E_DATA_DIR!, `${slug}.json`);
  writeFileSync(target, JSON.stringify(file));
  execFileSync("npm", ["run", "--silent", "db:import", "--", target], {
    env: e2eCommandEnv(),
    stdio: "pipe",
  });
  return file;
}
