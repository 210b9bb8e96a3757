import { importDebate } from "./fixtures";
import { expect, test } from "./test";

const SEEDED_TITLE = "Should we worry about capitalist commons?";

test("[search] the header's box finds a seeded post with the word marked, and opens it", async ({ page }) => {
  await page.goto("/");
  const box = page.getByRole("search", { name: "Search the debates" }).getByRole("searchbox", { name: "Search posts" });
  await box.fill("aristocracy");
  await box.press("Enter");

  await expect(page).toHaveURL(/\/search\?q=aristocracy$/);
  await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
  const results = page.getByRole("region", { name: "Posts matching “aristocracy”" });
  // The seeded debate's post, once (other specs import copies of the seed under other debates).
  const result = results.getByRole("article", { name: SEEDED_TITLE }).filter({ hasText: "P2P and Marxism" });
  await expect(result).toHaveCount(1);
  await expect(result).toContainText("Michel Bauwens");
  const marked = result.getByText("aristocracy", { exact: true });
  await expect(marked).toHaveJSProperty("tagName", "MARK");
  await expect(page.getByRole("searchbox", { name: "Words to find" })).toHaveValue("aristocracy");

  await result.getByRole("link", { name: SEEDED_TITLE }).click();
  await expect(page).toHaveURL(/\/debates\/p2p-and-marxism\/posts\/[^/#]+#post-/);
  await expect(page.getByRole("heading", { level: 1, name: SEEDED_TITLE })).toBeVisible();
  await expect(page.getByText(/labour aristocracy/).first()).toBeVisible();
});

test('[search] a query of ", -, NEAR( or * shows a page with a message, not an error', async ({ page }) => {
  for (const q of ['"', "-", "*", "((", "😀"]) {
    const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
    expect(response?.status(), q).toBe(200);
    await expect(page.getByRole("status")).toContainText("There is nothing to search for");
  }
  for (const q of ["NEAR(zzqx AND OR NOT", '"zzqx (', "zzqx -zzqy", "title:zzqx^"]) {
    const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
    expect(response?.status(), q).toBe(200);
    await expect(page.getByRole("status")).toContainText(`No posts match “${q}”`);
  }

  await page.goto("/search");
  await expect(page.getByRole("status")).toContainText("Type a word or two");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("[search] searches one debate from its page, with no sideways scrolling", async ({ page }) => {
    const word = `zebrafinch${Date.now().toString(36).replace(/\d/g, "q")}`;
    const other = importDebate((slug) => ({
      debate: { slug, title: `Elsewhere ${slug}`, author: "E2E Author", views: 0, body: "Opening." },
      sections: [{ slug: "one", title: "Part one", position: 1 }],
      posts: [
        {
          id: "p0",
          section: "one",
          author: "E2E Author",
          authorNote: null,
          parent: null,
          title: null,
          body: `Also ${word}.`,
        },
      ],
    }));
    const file = importDebate((slug) => ({
      debate: { slug, title: `Searchable ${slug}`, author: "E2E Author", views: 0, body: "Opening." },
      sections: [{ slug: "one", title: "Part one", position: 1 }],
      posts: [
        {
          id: "p0",
          section: "one",
          author: "E2E Author",
          authorNote: null,
          parent: null,
          title: null,
          body: `A post about ${word} & <b>tags</b>.`,
        },
      ],
    }));

    await page.goto(`/debates/${file.debate.slug}`);
    await page.getByRole("link", { name: "Search this debate" }).click();
    await expect(page.getByRole("combobox", { name: "Debate" })).toHaveValue(file.debate.slug);
    await page.getByRole("searchbox", { name: "Words to find" }).fill(word);
    // The page's own form (the header's "Search" is the phone's button that opens the header field).
    await page.getByRole("main").getByRole("button", { name: "Search", exact: true }).click();

    const results = page.getByRole("region", { name: `Posts matching “${word}” in “${file.debate.title}”` });
    await expect(results.getByRole("article")).toHaveCount(1);
    // The post's markup is text in the snippet, never markup: SQLite shows the tag as typed, and
    // PostgreSQL's headline drops it as the post page does (raw HTML is never rendered there).
    await expect(results.getByRole("article")).toContainText("tags");
    await expect(results.getByRole("article").locator("b")).toHaveCount(0);
    await expect(results).not.toContainText(other.debate.title);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // All debates: both posts.
    await page.getByRole("combobox", { name: "Debate" }).selectOption({ label: "All debates" });
    await page.getByRole("main").getByRole("button", { name: "Search", exact: true }).click();
    await expect(page.getByRole("region", { name: `Posts matching “${word}”` }).getByRole("article")).toHaveCount(2);
  });
});
