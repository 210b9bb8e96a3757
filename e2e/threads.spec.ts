import { expect, test, type Page } from "./test";
import { newMember, signUp } from "./accounts";
import { importDebate, type SeedFile } from "./fixtures";
import { pageHtmlBound } from "../lib/thread-tree";

type SeedPost = SeedFile["posts"][number];
const post = (id: string, parent: string | null, body: string, title: string | null = null): SeedPost => ({
  id,
  author: "E2E Author",
  authorNote: null,
  section: "part",
  parent,
  title,
  body,
});

/** The titles of the contributions on a subheading page, in order. */
const contributionTitles = (page: Page) =>
  page.getByRole("region", { name: "Contributions" }).getByRole("heading", { level: 3 }).allInnerTexts();

test("[threads] a member picks an order: the URL and the order change, and it is remembered after a reload", async ({
  page,
  browser,
}) => {
  const file = importDebate((slug) => ({
    debate: { slug, title: `Orders ${slug}`, author: "E2E Author", views: 0, body: "Opening post." },
    sections: [{ slug: "part", title: "The part", position: 1 }],
    // Imported in file order, a minute apart: Alpha is the oldest, Charlie the newest; Bravo has the most replies.
    posts: [
      post("a", null, "The first contribution.", "Alpha"),
      post("b", null, "The second contribution.", "Bravo"),
      post("c", null, "The third contribution.", "Charlie"),
      post("a1", "a", "One reply to Alpha."),
      post("b1", "b", "One reply to Bravo."),
      post("b2", "b", "Another reply to Bravo."),
    ],
  }));
  const plain = `/debates/${file.debate.slug}/part`;
  await signUp(page, newMember("sorter"), plain);
  await page.goto(plain);
  await expect(page.getByRole("link", { name: "Oldest first" })).toHaveAttribute("aria-current", "page");
  expect(await contributionTitles(page)).toEqual(["Alpha", "Bravo", "Charlie"]);

  const saved = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/api/me/post-sort"));
  await page.getByRole("link", { name: "Newest first" }).click();
  await expect(page).toHaveURL(new RegExp(`${plain}/sort/newest$`));
  await expect(page.getByRole("link", { name: "Newest first" })).toHaveAttribute("aria-current", "page");
  expect(await contributionTitles(page)).toEqual(["Charlie", "Bravo", "Alpha"]);
  await saved;

  // Remembered: a reload keeps it, and the plain address moves the member to their order.
  await page.reload();
  expect(await contributionTitles(page)).toEqual(["Charlie", "Bravo", "Alpha"]);
  await page.goto(plain);
  await expect(page).toHaveURL(new RegExp(`${plain}/sort/newest$`));
  expect(await contributionTitles(page)).toEqual(["Charlie", "Bravo", "Alpha"]);

  const savedAgain = page.waitForResponse(
    (r) => r.request().method() === "POST" && r.url().endsWith("/api/me/post-sort"),
  );
  await page.getByRole("link", { name: "Most replies" }).click();
  await expect(page).toHaveURL(new RegExp(`${plain}/sort/replies$`));
  expect(await contributionTitles(page)).toEqual(["Bravo", "Alpha", "Charlie"]);
  await savedAgain;
  await page.goto(plain);
  await expect(page).toHaveURL(new RegExp(`${plain}/sort/replies$`));

  // Someone else (signed out) gets the same cached page at the plain address, oldest first.
  const other = await (await browser.newContext()).newPage();
  await other.goto(plain);
  expect(await contributionTitles(other)).toEqual(["Alpha", "Bravo", "Charlie"]);
  await expect(other).toHaveURL(new RegExp(`${plain}$`));
});

test.describe("[threads] a 500-reply thread", () => {
  const REPLIES = 500;
  const CHAIN = 500;
  let file: SeedFile;
  test.beforeAll(() => {
    test.setTimeout(180_000);
    file = importDebate((slug) => ({
      debate: { slug, title: `Big thread ${slug}`, author: "E2E Author", views: 0, body: "Opening post." },
      sections: [{ slug: "part", title: "The part", position: 1 }],
      posts: [
        post("root", null, "The contribution everyone answers.", "The big thread"),
        ...Array.from({ length: REPLIES }, (_, i) => post(`r${i}`, "root", `Reply number ${i} to the big thread.`)),
        // A deep chain beneath the first reply.
        ...Array.from({ length: CHAIN }, (_, i) =>
          post(`d${i}`, i === 0 ? "r0" : `d${i - 1}`, `Deeper step ${i + 1} of the chain.`),
        ),
      ],
    }));
  });
  const subheading = () => `/debates/${file.debate.slug}/part`;

  test("the subheading page and the permalinks stay under the HTML bound", async ({ page, request }) => {
    const bound = pageHtmlBound(200); // the largest post seeded here is a short line
    const measure = async (path: string) => {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      return (await response.body()).length;
    };
    const sizes: Record<string, number> = { subheading: await measure(subheading()) };
    // The permalink of the deepest reply, and of the contribution with 500 direct replies.
    const { root, deepest } = await permalinks(page, subheading());
    sizes.deepestPermalink = await measure(deepest);
    sizes.rootPermalink = await measure(root);
    console.log(`HTML bytes (bound ${bound}): ${JSON.stringify(sizes)}`);
    for (const [name, size] of Object.entries(sizes)) expect(size, name).toBeLessThan(bound);
  });

  test("shows the first replies and loads more in place", async ({ page }) => {
    await page.goto(subheading());
    const thread = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "The big thread" }) });
    await expect(thread.getByText("Reply number 4 to the big thread.")).toBeVisible();
    await expect(thread.getByText("Reply number 5 to the big thread.")).toHaveCount(0);
    const more = thread.getByRole("link", { name: "Show 495 more replies" });
    await more.click();
    await expect(thread.getByText("Reply number 5 to the big thread.")).toBeVisible();
    await expect(thread.getByText("Reply number 24 to the big thread.")).toBeVisible();
    await expect(thread.getByText("Reply number 25 to the big thread.")).toHaveCount(0);
    await expect(page).toHaveURL(new RegExp(`${subheading()}$`)); // in place
    await thread.getByRole("link", { name: "Show 475 more replies" }).click();
    await expect(thread.getByText("Reply number 44 to the big thread.")).toBeVisible();
    await expect(thread.getByRole("link", { name: "Show 455 more replies" })).toBeVisible();
  });

  test("the permalink of a deep reply shows the post first, its ancestors as compact lines", async ({ page }) => {
    await page.goto((await permalinks(page, subheading())).deepest);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Reply by E2E Author/);
    // The post itself is the one article of the page (it has no replies); above it, compact lines.
    await expect(page.getByRole("article")).toHaveCount(1);
    await expect(page.getByRole("article")).toContainText(`Deeper step ${CHAIN} of the chain.`);
    const context = page.getByRole("region", { name: "In reply to" });
    await expect(context).toContainText("The big thread");
    await expect(context).toContainText(`Deeper step ${CHAIN - 1} of the chain.`);
    await expect(context.getByRole("link", { name: /more posts above/ })).toBeVisible();
    // "N more above" goes up the chain.
    await context.getByRole("link", { name: /more posts above/ }).click();
    await expect(page.getByRole("article").first()).toContainText("of the chain.");
  });
});

/** The permalink of the thread's top post, and of its newest post (the deepest of the chain, imported last), from the thread's feed. */
async function permalinks(page: Page, subheadingPath: string): Promise<{ root: string; deepest: string }> {
  await page.goto(subheadingPath);
  const root = await page
    .getByRole("article", { name: "The big thread" })
    .getByRole("link", { name: /permalink/ })
    .getAttribute("href");
  const rootPath = root!.split("#")[0]!;
  const feed = await (await page.request.get(`${rootPath}/feed.atom`)).text();
  const newest = /<entry>[\s\S]*?<id>([^<]+)<\/id>/.exec(feed)?.[1];
  return { root: rootPath, deepest: new URL(newest!).pathname };
}
