import { importDebate } from "./fixtures";
import { baseURL, makeMembers } from "./members";
import { expect, test, type Page } from "./test";

// The site's keyboard shortcuts (components/keyboard-shortcuts.tsx): j/k between posts, r to reply
// to the current one, ? for the list of them; none of them fire while the reader types in a field.

function threeContributions() {
  const file = importDebate((slug) => ({
    debate: { slug, title: `Keys ${slug}`, author: "Key Author", views: 0, body: "Opening post." },
    sections: [{ slug: "keys", title: "Keys", position: 1 }],
    posts: [
      { id: "a", author: "Ada", authorNote: null, section: "keys", parent: null, title: "First", body: "One." },
      { id: "a1", author: "Brin", authorNote: null, section: "keys", parent: "a", title: null, body: "A reply." },
      { id: "b", author: "Cleo", authorNote: null, section: "keys", parent: null, title: "Second", body: "Two." },
    ],
  }));
  return `/debates/${file.debate.slug}/keys`;
}

async function open(page: Page, path: string) {
  const session = page.waitForResponse((r) => r.url().endsWith("/api/auth/session"));
  await page.goto(path);
  await session;
  await expect(page.getByRole("heading", { level: 1, name: "Keys" })).toBeVisible();
}

test("[keyboard] j and k move from post to post, focused and in view", async ({ page }) => {
  await open(page, threeContributions());
  const posts = page.getByRole("main").getByRole("article");
  await expect(posts).toHaveCount(3);

  await page.keyboard.press("j");
  await expect(posts.nth(0)).toBeFocused();
  await page.keyboard.press("j");
  await expect(posts.nth(1)).toBeFocused();
  await expect(posts.nth(1)).toContainText("A reply.");
  await page.keyboard.press("j");
  await expect(posts.nth(2)).toBeFocused();
  await expect(posts.nth(2)).toBeInViewport();
  // The last post stays the current one.
  await page.keyboard.press("j");
  await expect(posts.nth(2)).toBeFocused();
  await page.keyboard.press("k");
  await expect(posts.nth(1)).toBeFocused();
  // The reader sees which post is current: the focus ring is drawn.
  expect(await posts.nth(1).evaluate((el) => el.matches(":focus-visible") && getComputedStyle(el).outlineStyle)).toBe(
    "solid",
  );

  // Typed into the search field, j is a letter, not a move.
  await page.getByRole("searchbox").first().focus();
  await page.keyboard.press("j");
  await expect(page.getByRole("searchbox").first()).toHaveValue("j");
  // With a modifier held, the key is the browser's.
  await page.getByRole("main").getByRole("heading", { level: 1 }).click();
  await page.keyboard.press("Control+j");
  await page.keyboard.press("Alt+k");
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("BODY");
});

test("[keyboard] r opens the reply form of the current post, without typing the r", async ({ page, context }) => {
  const [member] = await makeMembers(1);
  const [name, value] = member!.cookie.split("=", 2) as [string, string];
  await context.addCookies([{ name, value, url: baseURL }]);
  await open(page, threeContributions());
  const posts = page.getByRole("main").getByRole("article");
  await expect(posts.nth(1).getByRole("button", { name: "Reply", exact: true })).toBeVisible();

  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await expect(posts.nth(1)).toBeFocused();
  await page.keyboard.press("r");
  const form = page.getByRole("form", { name: "Your reply to Brin" });
  await expect(form).toBeVisible();
  await expect(form.getByLabel("Your reply to Brin")).toHaveValue("");
  // Only that post's form opened.
  await expect(page.getByRole("form", { name: /^Your reply to/ })).toHaveCount(1);
});

test("[keyboard] ? lists the shortcuts; Escape closes the list", async ({ page }) => {
  await open(page, threeContributions());
  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  for (const does of ["Next post", "Previous post", "Reply to the current post", "Search"])
    await expect(dialog.getByText(does, { exact: true })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // / goes to the search field.
  await page.keyboard.press("/");
  await expect(page.getByRole("searchbox").first()).toBeFocused();
  await expect(page.getByRole("searchbox").first()).toHaveValue("");
});
