// GET /debates/<slug>/export.md, .json and .argdown: the whole debate, streamed, named for saving;
// an unknown debate is a 404.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { importDebate } from "@/server/import/import-debate";
import { GET as getArgdown } from "../export.argdown/route";
import { GET as getJson } from "../export.json/route";
import { GET as getMarkdown } from "./route";

const SLUG = "p2p-and-marxism";
const call = (get: typeof getMarkdown, slug: string, ext: string) =>
  get(new Request(`http://localhost:3000/debates/${slug}/export.${ext}`), { params: Promise.resolve({ slug }) });

describe("the debate's export routes", () => {
  beforeAll(async () => {
    await importDebate(db, JSON.parse(readFileSync(`prisma/seed-data/${SLUG}.json`, "utf8")));
  });

  it("answers the Markdown inline as text/markdown, the committed example for the seed", async () => {
    const response = await call(getMarkdown, SLUG, "md");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`inline; filename="${SLUG}.md"`);
    expect(await response.text()).toBe(readFileSync(`docs/${SLUG}.export.md`, "utf8"));
  });

  it("answers JSON the importer accepts, with all 18 posts", async () => {
    const response = await call(getJson, SLUG, "json");
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`inline; filename="${SLUG}.json"`);
    const file = (await response.json()) as { debate: { title: string }; sections: unknown[]; posts: unknown[] };
    expect(file.debate.title).toBe("P2P and Marxism");
    expect(file.sections).toHaveLength(8);
    expect(file.posts).toHaveLength(18);
  });

  it("answers Argdown as text, one statement per contribution", async () => {
    const response = await call(getArgdown, SLUG, "argdown");
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`inline; filename="${SLUG}.argdown"`);
    const text = await response.text();
    expect(text.startsWith("# P2P and Marxism\n\n[Opening post (1)]: ")).toBe(true);
    expect(text.match(/^\[/gm)).toHaveLength(1 + 11 + 7);
  });

  it("answers 404 for an unknown debate, in every format", async () => {
    for (const [get, ext] of [
      [getMarkdown, "md"],
      [getJson, "json"],
      [getArgdown, "argdown"],
    ] as const) {
      const response = await call(get, "no-such-debate", ext);
      expect(response.status).toBe(404);
    }
  });
});
