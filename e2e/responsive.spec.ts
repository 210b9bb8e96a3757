import { expect, test } from "./test";
import { headerLink, newMember, signUp } from "./accounts";
import { importDebate } from "./fixtures";
import { expectNoSidewaysScroll, NARROW } from "./narrow";

// The phone project (Pixel 7), narrowed to 320 px: the smallest phone screen we support. No page
// may scroll sideways, and the header (logo, search, bell, one menu button) must fit.

test.beforeEach(async ({ page }) => page.setViewportSize(NARROW));

// Dates are rewritten in the browser after hydration (components/local-times.tsx): React must not
// report a mismatch (in a production build, errors #418, #423 and #425) nor render the page again.
const hydrationErrors: string[] = [];
test.beforeEach(async ({ page }) => {
  hydrationErrors.length = 0;
  page.on("console", (message) => {
    if (message.type() === "error" && /hydrat|#418|#423|#425/i.test(message.text()))
      hydrationErrors.push(message.text());
  });
  page.on("pageerror", (error) => {
    if (/hydrat|#418|#423|#425/i.test(error.message)) hydrationErrors.push(error.message);
  });
});
test.afterEach(() => expect(hydrationErrors, "hydration errors").toEqual([]));

const LONG_URL = `https://example.org/${"a-very-long-path-segment/".repeat(8)}end`;
/** A debate of the test's own: enough contributions for a second page, and content that tends to stick out. */
function narrowDebate() {
  return importDebate((slug) => ({
    debate: {
      slug,
      title: `Narrow screens ${slug}`,
      author: "E2E Author",
      views: 0,
      body: `Opening, with a link: ${LONG_URL}`,
    },
    sections: [
      { slug: "many", title: "A subheading with many contributions", position: 1 },
      { slug: "few", title: "A quiet subheading", position: 2 },
    ],
    posts: [
      ...Array.from({ length: 25 }, (_, i) => ({
        id: `m${i}`,
        author: "E2E Author",
        authorNote: null,
        section: "many",
        parent: null,
        title: `Contribution number ${i + 1}`,
        body:
          i === 0
            ? `A long link ${LONG_URL} and a long word ${"x".repeat(80)}\n\n\`\`\`\n${"const wide = 1; ".repeat(12)}\n\`\`\`\n\n| a | b | c | d | e | f |\n|---|---|---|---|---|---|\n| one cell | two cells | three cells | four cells | five cells | six cells |`
            : `Contribution ${i + 1}.`,
      })),
      {
        id: "r0",
        author: "E2E Author",
        authorNote: null,
        section: "many",
        parent: "m0",
        title: null,
        body: "A reply.",
      },
    ],
  }));
}

test("[layout] every public page fits 320 px without sideways scrolling", async ({ page }) => {
  const file = narrowDebate();
  const debate = `/debates/${file.debate.slug}`;
  for (const path of [
    "/",
    "/debates/p2p-and-marxism",
    "/debates/p2p-and-marxism/the-state",
    debate,
    `${debate}/many`,
    "/moderation",
    "/search?q=state",
    "/sign-in",
    "/sign-up",
    "/debates/no-such-debate",
    "/no-such-page",
  ]) {
    await page.goto(path);
    await expectNoSidewaysScroll(page);
  }
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/not|find/i);

  // A later page of contributions (keyset), a search with results, a profile.
  await page.goto(`${debate}/many`);
  await page.getByRole("link", { name: /Next contributions/ }).click();
  await expect(page.getByText("Contribution number 21")).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.goto("/search?q=state");
  await expect(page.getByRole("main").getByRole("article").first()).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.goto("/debates/p2p-and-marxism");
  await page.getByRole("main").getByRole("link", { name: "Michel Bauwens" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: /Michel Bauwens/ })).toBeVisible();
  await expectNoSidewaysScroll(page);
});

test("[layout] the header fits 320 px: search and the menu button open, close, and keep focus in order", async ({
  page,
}) => {
  await page.goto("/debates/p2p-and-marxism");
  const header = page.getByRole("banner");
  const menu = header.getByRole("button", { name: "Menu", exact: true });
  const search = header.getByRole("button", { name: "Search", exact: true });
  await expect(menu).toBeVisible();
  for (const part of [header.getByRole("link", { name: "Debate Commons" }), search, menu]) {
    const box = await part.boundingBox();
    expect(box, "a header part is missing").not.toBeNull();
    expect(box!.x + box!.width).toBeLessThanOrEqual(NARROW.width);
  }
  // "Sign in" and "Sign up" live in the menu on a phone.
  await expect(header.getByRole("link", { name: "Sign up" })).toBeHidden();

  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  const panel = page.locator(`[id="${await menu.getAttribute("aria-controls")}"]`);
  await expect(panel).toBeVisible();
  await expect(panel.getByRole("link", { name: "Debates" })).toBeFocused();
  await expect(panel.getByRole("link", { name: "Moderation log" })).toBeVisible();
  const signUpLink = panel.getByRole("link", { name: "Sign up" });
  await expect(signUpLink).toBeVisible();
  // One line, one background: never wrapped.
  expect(await signUpLink.evaluate((a) => a.getClientRects().length)).toBe(1);
  expect((await signUpLink.boundingBox())!.height).toBeLessThan(40);
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(menu).toBeFocused();

  await menu.click();
  await expect(panel).toBeVisible();
  // A click outside (beside the panel, which covers the right of the page).
  await page.getByRole("main").click({ position: { x: 4, y: 4 } });
  await expect(panel).toBeHidden();
  await expect(menu).toHaveAttribute("aria-expanded", "false");

  // Search: an icon button that opens the field.
  await expect(header.getByRole("searchbox", { name: "Search posts" })).toBeHidden();
  await search.click();
  await expect(search).toHaveAttribute("aria-expanded", "true");
  const box = header.getByRole("searchbox", { name: "Search posts" });
  await expect(box).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(box).toBeHidden();
  await expect(search).toBeFocused();
  await search.click();
  await box.fill("state");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=state/);
  await expectNoSidewaysScroll(page);

  // And through the menu, to signing in.
  await (await headerLink(page, "Sign in")).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
});

test("[layout] signed in at 320 px: a long name stays on one line, the member's pages fit, and dates read relative", async ({
  page,
}) => {
  const file = narrowDebate();
  const debate = `/debates/${file.debate.slug}`;
  const base = newMember("longname");
  // A long display name (the limit is 60), which once took three lines of a phone's header.
  const member = { ...base, name: `Maximiliana Featherstonehaugh-Cholmondeley ${base.name.slice(-10)}` };
  await signUp(page, member, `${debate}/few`);
  const account = page.getByRole("button", { name: `Account menu for ${member.name}` });
  const box = (await account.boundingBox())!;
  expect(box.height).toBeLessThan(40);
  expect(box.x + box.width).toBeLessThanOrEqual(NARROW.width);

  // A fresh post reads "… ago", with the full timestamp as the <time>'s title.
  const words = `Posted from a small phone ${Date.now()}`;
  await page.getByRole("button", { name: "Add to the debate" }).click();
  await page.getByRole("form", { name: "Your contribution" }).getByLabel("Your contribution").fill(words);
  await page
    .getByRole("form", { name: "Your contribution" })
    .getByRole("button", { name: "Post contribution" })
    .click();
  const post = page.getByRole("article").filter({ hasText: words });
  const time = post.locator("time").first();
  await expect(time).toHaveText(/^\d+ minutes? ago$/);
  const dateTime = (await time.getAttribute("datetime"))!;
  expect(Date.now() - Date.parse(dateTime)).toBeLessThan(5 * 60_000);
  await expect(time).toHaveAttribute("title", /\d{4}.*\d\d:\d\d:\d\d/);
  await expectNoSidewaysScroll(page);

  // Its permalink, its history, its author's profile.
  await post.getByRole("link", { name: /ago/ }).click();
  await expect(page).toHaveURL(/\/posts\//);
  await expectNoSidewaysScroll(page);
  const permalink = new URL(page.url());
  await page.goto(`${permalink.pathname}/history`);
  await expectNoSidewaysScroll(page);
  await page.goto(`${debate}/few`);
  // Once the page is live (the button needs the session): a click in the first few milliseconds,
  // before Next's router starts, began a page load that the router's start then cancelled.
  await expect(page.getByRole("button", { name: "Add to the debate" })).toBeVisible();
  await page.getByRole("article").filter({ hasText: words }).getByRole("link", { name: member.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: member.name })).toBeVisible();
  await expectNoSidewaysScroll(page);

  for (const path of ["/account", "/notifications", `${debate}/new`]) {
    await page.goto(path);
    await expectNoSidewaysScroll(page);
  }
});

test("[layout] follows the system's dark mode", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: "light" });
  const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(dark).not.toBe(light);
  const luminance = (color: string) =>
    (color.match(/[\d.]+/g) ?? [])
      .slice(0, 3)
      .map(Number)
      .reduce((a, b) => a + b, 0);
  expect(luminance(dark)).toBeLessThan(luminance(light));
});
