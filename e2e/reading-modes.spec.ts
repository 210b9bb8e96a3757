import { expect, test, type Page } from "./test";
import { newMember, signUp } from "./accounts";
import { importDebate } from "./fixtures";

// Reading modes (issue 12): any subheading or thread read nested (replies under what they answer)
// or flat (every post in time order, each naming what it answers); the choice is in the URL and
// remembered for a signed-in member.

/** Posts written in this order (the importer dates them a minute apart), which is not the nesting order. */
function conversation() {
  const post = (id: string, author: string, parent: string | null, body: string) => ({
    id,
    author,
    authorNote: null,
    section: "one",
    parent,
    title: null,
    body,
  });
  return importDebate((slug) => ({
    debate: { slug, title: `Reading modes ${slug}`, author: "Ana Flat", views: 0, body: "Opening." },
    sections: [{ slug: "one", title: "The only part", position: 1 }],
    posts: [
      post("a", "Ana Flat", null, "Contribution A says the commons come first."),
      post("b", "Bo Flat", null, "Contribution B says the market comes first."),
      post("a1", "Bo Flat", "a", "An answer to A: not without a state."),
      post("b1", "Ana Flat", "b", "An answer to B: markets need commons."),
      post("a2", "Ana Flat", "a1", "A reply deeper in A's thread."),
    ],
  }));
}

/** Once the page is live (the button needs the session): a click before Next's router starts is lost. */
const live = (page: Page) =>
  expect(
    page
      .getByRole("button", { name: "Add to the debate" })
      .or(page.getByRole("link", { name: "Sign in to add to the debate" })),
  ).toBeVisible();

const postIds = (page: Page) =>
  page
    .locator('article[id^="post-"]')
    .evaluateAll((articles) => articles.map((a) => ({ id: a.id, created: a.getAttribute("data-created")! })));

test("[reading] the flat view lists the same posts as the nested one, in time order, each reply naming what it answers", async ({
  page,
}) => {
  const file = conversation();
  await page.goto(`/debates/${file.debate.slug}/one`);
  await live(page);
  const nested = await postIds(page);
  expect(nested).toHaveLength(5);

  await page
    .getByRole("navigation", { name: "Reading mode" })
    .getByRole("link", { name: "Flat, in time order" })
    .click();
  await expect(page).toHaveURL(new RegExp(`/debates/${file.debate.slug}/one/flat$`));
  await expect(page.getByRole("link", { name: "Flat, in time order" })).toHaveAttribute("aria-current", "page");
  // Read afresh: after a navigation in place, the page navigated from stays in the document.
  await page.reload();
  const flat = await postIds(page);
  // The same posts, in the order they were written (which this conversation's nesting is not).
  expect(flat.map((p) => p.id).sort()).toEqual(nested.map((p) => p.id).sort());
  expect(flat.map((p) => p.created)).toEqual(flat.map((p) => p.created).sort());
  expect(flat.map((p) => p.id)).not.toEqual(nested.map((p) => p.id));
  const answer = page.getByRole("listitem").filter({ hasText: "An answer to A: not without a state." });
  await expect(
    answer.getByRole("link", { name: /In reply to Ana Flat: Contribution A says the commons come first/ }),
  ).toBeVisible();

  // A thread, flat: its contribution and every reply beneath it, and nothing of the other thread.
  const threadA = flat[0]!.id.replace(/^post-/, "");
  await page.goto(`/debates/${file.debate.slug}/posts/${threadA}/flat`);
  await expect(page.getByRole("article")).toHaveCount(3);
  await expect(page.getByText("A reply deeper in A's thread.")).toBeVisible();
  await expect(page.getByText("Contribution B says the market comes first.")).toHaveCount(0);
});

test("[reading] a member's reading mode is remembered: the plain address moves them to the flat view until they pick nested", async ({
  page,
}) => {
  const file = conversation();
  const member = newMember("flat-reader");
  await signUp(page, member);
  const plain = `/debates/${file.debate.slug}/one`;
  await page.goto(plain);
  await live(page);
  await page
    .getByRole("navigation", { name: "Reading mode" })
    .getByRole("link", { name: "Flat, in time order" })
    .click();
  await expect(page).toHaveURL(new RegExp(`${plain}/flat$`));

  // Another visit to the plain address: moved to the flat view.
  await page.goto(plain);
  await expect(page).toHaveURL(new RegExp(`${plain}/flat$`));

  // Picking nested stays nested, and so does the next visit.
  await live(page);
  await page.getByRole("navigation", { name: "Reading mode" }).getByRole("link", { name: "Nested" }).click();
  await expect(page).toHaveURL(new RegExp(`${plain}/sort/oldest$`));
  // The page asks for the saved mode and order, then moves or stays: once both answers are read and
  // the page has drawn a frame after them, it has asked for no flat page.
  const flat: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes(`${plain}/flat`)) flat.push(r.url());
  });
  const saved = (path: string) => page.waitForResponse((r) => r.url().endsWith(path) && r.request().method() === "GET");
  const answers = Promise.all([saved("/api/me/reading-mode"), saved("/api/me/post-sort")]);
  await page.goto(plain);
  const [mode, order] = await answers;
  expect(await mode.json()).toEqual({ mode: "nested" });
  await order.finished();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
  expect(flat).toEqual([]);
  await expect(page).toHaveURL(new RegExp(`${plain}$`));
  await expect(
    page.getByRole("navigation", { name: "Reading mode" }).getByRole("link", { name: "Nested" }),
  ).toHaveAttribute("aria-current", "page");
});
