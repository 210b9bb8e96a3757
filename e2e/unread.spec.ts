import { expect, test, type Page } from "./test";
import { newMember, signUp } from "./accounts";
import { importDebate } from "./fixtures";

async function contribute(page: Page, title: string, body: string) {
  await page.getByRole("button", { name: "Add to the debate" }).click();
  const form = page.getByRole("form", { name: "Your contribution" });
  await form.getByLabel("Title (optional)").fill(title);
  await form.getByLabel("Your contribution").fill(body);
  await form.getByRole("button", { name: "Post contribution" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

test("[unread] a member returns to '2 new', catches up on exactly those two, and reading clears the count", async ({
  browser,
}) => {
  // Two members sign up, one posts twice, the other reads five pages: like the other multi-member
  // flows, longer than one page's default (the two-instance leg took over 30 s once).
  test.setTimeout(90_000);
  const file = importDebate((slug) => ({
    debate: { slug, title: `Unread ${slug}`, author: "E2E Author", views: 0, body: "Opening post." },
    sections: [
      { slug: "first", title: "The first part", position: 1 },
      { slug: "second", title: "The second part", position: 2 },
    ],
    posts: [
      {
        id: "old",
        author: "E2E Author",
        authorNote: null,
        section: "first",
        parent: null,
        title: "Old thoughts kept",
        body: "An archived contribution, older than any member.",
      },
    ],
  }));
  const debate = `/debates/${file.debate.slug}`;
  const first = `${debate}/first`;

  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const a = await contextA.newPage();
  const b = await contextB.newPage();
  const memberA = newMember("reader");
  const memberB = newMember("writer");
  await signUp(a, memberA, first);
  await signUp(b, memberB, first);

  // A reads the subheading: nothing there is new to a member who just joined.
  await a.goto(first);
  await expect(a.getByRole("heading", { level: 1, name: "The first part" })).toBeVisible();
  await expect(a.getByRole("link", { name: "Jump to the first new post" })).toHaveCount(0);

  // B posts twice there.
  const tag = Date.now().toString(36);
  await b.goto(first);
  await contribute(b, `First news ${tag}`, "Something happened.");
  await b.goto(first);
  await contribute(b, `Second news ${tag}`, "Something else happened.");

  // A comes back: the home page says "2 new" beside the debate, the outline beside the subheading,
  // and the debate page offers to catch up.
  await a.goto("/");
  await expect(a.getByRole("article", { name: file.debate.title }).getByText("2 new")).toBeVisible();
  await a.goto(debate);
  const outline = a.getByRole("navigation", { name: "Subheadings" });
  const firstItem = outline.getByRole("listitem").filter({ hasText: "The first part" });
  await expect(firstItem.getByText("2 new")).toBeVisible();
  await expect(outline.getByRole("listitem").filter({ hasText: "The second part" }).getByText(/new/)).toHaveCount(0);
  await a.getByRole("link", { name: "Catch up: 2 new posts since your last visit" }).click();

  // The catch-up page lists exactly B's two posts, under their subheading.
  await expect(a.getByRole("heading", { level: 1, name: "New since your last visit" })).toBeVisible();
  const group = a.getByRole("region", { name: "The first part" });
  await expect(group.getByRole("article")).toHaveCount(2);
  await expect(group.getByRole("article").nth(0)).toContainText(`First news ${tag}`);
  await expect(group.getByRole("article").nth(1)).toContainText(`Second news ${tag}`);
  await expect(a.getByRole("article")).toHaveCount(2);
  // (The debate page A came from may stay in the document, hidden: only what is shown counts.)
  await expect(a.getByText("Old thoughts kept").filter({ visible: true })).toHaveCount(0);

  // A opens the subheading: the two posts are marked new, with a way to the first of them.
  const marked = a.waitForResponse((r) => r.url().endsWith("/api/me/read") && r.request().method() === "POST");
  await group.getByRole("link", { name: "The first part" }).click();
  await expect(a.getByRole("heading", { level: 1, name: "The first part" })).toBeVisible();
  await expect(a.getByRole("status").filter({ hasText: "2 new posts since your last visit" })).toBeVisible();
  const jump = a.getByRole("link", { name: "Jump to the first new post" });
  await expect(jump).toBeVisible();
  const firstNew = a.getByRole("article").filter({ has: a.getByRole("heading", { name: `First news ${tag}` }) });
  await expect(firstNew.getByText("New since your last visit")).toBeVisible();
  await expect(
    a
      .getByRole("article")
      .filter({ has: a.getByRole("heading", { name: "Old thoughts kept" }) })
      .getByText("New since your last visit"),
  ).toHaveCount(0);
  await jump.click();
  await expect(a).toHaveURL(new RegExp(`#post-`));

  expect((await marked).status()).toBe(200);

  // Back on the debate page, the count is gone (checked once the member's counts have arrived).
  const counted = a.waitForResponse((r) => r.url().includes("/api/me/unread?debate="));
  await a.goto(debate);
  expect(await (await counted).json()).toMatchObject({ total: 0 });
  await expect(a.getByRole("heading", { level: 1, name: file.debate.title })).toBeVisible();
  await expect(a.getByRole("link", { name: /Catch up/ })).toHaveCount(0);
  await expect(outline.getByText(/\d+ new/)).toHaveCount(0);
  // And the catch-up page says so.
  await a.goto(`${debate}/new`);
  await expect(a.getByRole("main").getByText("Nothing new here.")).toBeVisible();

  // Anonymous visitors are offered sign-in there, and see no counts.
  const anonymous = await browser.newContext();
  const c = await anonymous.newPage();
  await c.goto(`${debate}/new`);
  await expect(c.getByRole("main").getByRole("link", { name: "Sign in" })).toBeVisible();
  await contextA.close();
  await contextB.close();
  await anonymous.close();
});
