import { readFileSync } from "node:fs";
import { importDebate } from "./fixtures";
import { callAction, idsOf } from "./members";
import { stateFile } from "./staff";
import { expect, test } from "./test";

// A renamed subheading keeps its old addresses: each page under it moves on for good (308) to the
// same page under the new slug (app/debates/[slug]/[subheading]/_components/read-paged-subheading.ts).
// Runs after the staff sign-in (setup): a moderator renames it.

/** The moderator's session cookies, as a Cookie header (from the setup's browser state). */
function moderatorCookie(): string {
  const state = JSON.parse(readFileSync(stateFile("moderator"), "utf8")) as {
    cookies: { name: string; value: string }[];
  };
  return state.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

test("[reading] a renamed subheading's old addresses move its flat view, its type filters and its proposals to the new one", async ({
  request,
}) => {
  const file = importDebate((slug) => ({
    debate: { slug, title: `Renamed ${slug}`, author: "E2E Author", views: 0, body: "Opening." },
    sections: [{ slug: "old-name", title: "Old name", position: 1 }],
    posts: [
      {
        id: "p0",
        author: "E2E Author",
        authorNote: null,
        section: "old-name",
        parent: null,
        title: "A post",
        body: "Some words.",
      },
    ],
  }));
  const debate = `/debates/${file.debate.slug}`;
  const { subheadingId } = await idsOf(file.debate.slug, "old-name", "p0");

  // Read once under the old name, so a cached page of it exists when the name changes.
  for (const page of ["flat", "proposals"]) {
    expect((await request.get(`${debate}/old-name/${page}`)).status()).toBe(200);
  }
  const renamed = await callAction("renameSubheadingAction", {
    pagePath: `${debate}/manage`,
    cookie: moderatorCookie(),
    fields: { subheadingId, title: "New name" },
  });
  expect(renamed.ok, renamed.text).toBe(true);

  for (const [from, to] of [
    ["old-name", "new-name"],
    ["old-name/sort/oldest", "new-name/sort/oldest"],
    ["old-name/flat", "new-name/flat"],
    ["old-name/flat/after/later", "new-name/flat/after/later"],
    ["old-name/proposals", "new-name/proposals"],
    ["old-name/proposals/after/later", "new-name/proposals/after/later"],
    ["old-name/type/challenges", "new-name/type/challenges"],
    ["old-name/type/questions/oldest", "new-name/type/questions/oldest"],
  ]) {
    const response = await request.get(`${debate}/${from}`, { maxRedirects: 0 });
    expect(response.status(), from).toBe(308);
    // Next sends a cached redirect's Location twice, the same value (vercel/next.js#82117); browsers take it.
    const locations = response
      .headersArray()
      .filter((h) => h.name.toLowerCase() === "location")
      .map((h) => new URL(h.value, response.url()).pathname);
    expect([...new Set(locations)], from).toEqual([`${debate}/${to}`]);
  }
  // The new addresses answer; a slug that never was one is not found.
  for (const page of ["new-name/flat", "new-name/proposals"]) {
    await expect(await request.get(`${debate}/${page}`)).toBeOK();
  }
  for (const page of ["no-such-name/flat", "no-such-name/proposals"]) {
    expect((await request.get(`${debate}/${page}`)).status(), page).toBe(404);
  }
});
