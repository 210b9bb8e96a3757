import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createDebate } from "@/test/factories";
import { POST } from "./route";

function call(slug: string, headers: Record<string, string>) {
  const request = new Request(`http://localhost:3000/api/debates/${slug}/views`, {
    method: "POST",
    headers: { host: "localhost:3000", ...headers },
  });
  return POST(request, { params: Promise.resolve({ slug }) });
}
const views = async (id: string) => (await db.debate.findUniqueOrThrow({ where: { id } })).viewCount;

describe("POST /api/debates/[slug]/views", () => {
  it("counts a view sent from this site", async () => {
    const debate = await createDebate();
    const response = await call(debate.slug, { origin: "http://localhost:3000" });
    expect(response.status).toBe(204);
    expect(await views(debate.id)).toBe(1);
  });

  it("refuses another site, or a request with no Origin, and counts nothing", async () => {
    const debate = await createDebate();
    expect((await call(debate.slug, { origin: "https://evil.example" })).status).toBe(403);
    expect((await call(debate.slug, {})).status).toBe(403);
    expect(await views(debate.id)).toBe(0);
  });

  it("answers 404 for an unknown debate", async () => {
    expect((await call("no-such-debate", { origin: "http://localhost:3000" })).status).toBe(404);
  });
});
