import { expect, test } from "./test";
import { newMember, signUp } from "./accounts";
import { importDebate } from "./fixtures";
import { expectNoSidewaysScroll, NARROW } from "./narrow";
import { stateFile } from "./staff";

// Moderators' tools on a 320 px screen (this runs in the "writing" project, after the staff
// sign-in; the phone project runs before it): one "Moderate" menu per post, confirmations
// before destructive actions, and staff pages that never scroll sideways.

test.use({ viewport: NARROW, storageState: stateFile("moderator") });

function staffDebate() {
  return importDebate((slug) => ({
    debate: { slug, title: `Staff tools ${slug}`, author: "E2E Author", views: 0, body: "Opening." },
    sections: [
      { slug: "first", title: "First part", position: 1 },
      { slug: "second", title: "Second part", position: 2 },
    ],
    posts: [
      {
        id: "p0",
        author: "E2E Author",
        authorNote: null,
        section: "first",
        parent: null,
        title: "One",
        body: "First.",
      },
      {
        id: "p1",
        author: "E2E Author",
        authorNote: null,
        section: "first",
        parent: null,
        title: "Two",
        body: "Second.",
      },
      {
        id: "r0",
        author: "E2E Reader",
        authorNote: null,
        section: "first",
        parent: "p0",
        title: null,
        body: "A reply.",
      },
    ],
  }));
}

test("[staff] staff pages fit 320 px without sideways scrolling", async ({ page }) => {
  const file = staffDebate();
  for (const path of [
    "/moderation/reports",
    "/moderation/reports?status=resolved",
    "/moderation/users",
    "/debates/new",
    `/debates/${file.debate.slug}/manage`,
    `/debates/${file.debate.slug}/first`,
    `/debates/${file.debate.slug}`,
  ]) {
    await page.goto(path);
    await expectNoSidewaysScroll(page);
  }
  // With a post's tools open, too.
  await page.goto(`/debates/${file.debate.slug}/first`);
  await page.getByRole("article", { name: "One" }).getByRole("button", { name: "Moderate", exact: true }).click();
  await expect(page.getByRole("form", { name: "Move contribution by E2E Author to…" })).toBeVisible();
  await expectNoSidewaysScroll(page);
});

test("[staff] each post has one Moderate menu; it opens, closes and names its forms uniquely", async ({ page }) => {
  const file = staffDebate();
  await page.goto(`/debates/${file.debate.slug}/first`);
  const posts = page.getByRole("main").getByRole("article");
  const menus = page.getByRole("button", { name: "Moderate", exact: true });
  await expect(menus).toHaveCount(await posts.count());
  // The tools themselves wait inside the menus.
  await expect(page.getByRole("button", { name: /^(Pin to top|Hide post|Move)$/ })).toHaveCount(0);

  const one = page.getByRole("article", { name: "One" });
  const menu = one.getByRole("button", { name: "Moderate", exact: true });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(one.getByRole("form", { name: "Pin contribution by E2E Author" })).toBeVisible();
  await expect(one.getByRole("form", { name: "Hide contribution by E2E Author" })).toBeVisible();
  await expect(one.getByRole("button", { name: "Pin to top" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  await expect(page.getByRole("form", { name: /^Move / })).toHaveCount(0);

  // Opening another post's menu closes the first: one set of forms, so unique landmark names.
  await menu.click();
  const reply = page.getByRole("article", { name: "Reply by E2E Reader" });
  await reply.getByRole("button", { name: "Moderate", exact: true }).click();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("form", { name: /^Move / })).toHaveCount(1);
  await expect(page.getByRole("form", { name: "Move reply by E2E Reader to…" })).toBeVisible();

  // Pinning works from the menu, and the pin reads as an icon with text.
  await page.getByRole("article", { name: "Two" }).getByRole("button", { name: "Moderate", exact: true }).click();
  await page.getByRole("article", { name: "Two" }).getByRole("button", { name: "Pin to top" }).click();
  await expect(page.getByRole("article", { name: "Two" }).getByText("Pinned", { exact: true })).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText("📌");
});

test("[staff] archiving a subheading asks first, and Cancel changes nothing", async ({ page }) => {
  const file = staffDebate();
  await page.goto(`/debates/${file.debate.slug}/manage`);
  const second = page.getByRole("article", { name: "Second part" });
  await second.getByRole("button", { name: "Archive", exact: true }).click();
  await expect(second.getByText(/Archive “Second part”\?/)).toBeVisible();
  await expect(second.getByRole("button", { name: "Yes, archive" })).toBeFocused();
  await second.getByRole("button", { name: "Cancel" }).click();
  await expect(second.getByRole("button", { name: "Yes, archive" })).toBeHidden();
  await page.reload();
  await expect(page.getByRole("article", { name: "Second part" })).not.toContainText("archived");

  await second.getByRole("button", { name: "Archive", exact: true }).click();
  await second.getByRole("button", { name: "Yes, archive" }).click();
  await expect(second).toContainText("archived");
  await expect(second.getByRole("button", { name: "Restore" })).toBeVisible();
});

test("[staff] banning a member asks first, with what a ban does", async ({ page, browser }) => {
  const member = newMember("to-ban");
  const theirs = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await signUp(theirs, member);
  await page.goto(`/moderation/users?q=${encodeURIComponent(member.email)}`);
  const card = page.getByRole("article", { name: member.name });
  await card.getByText(`Moderate ${member.name}`).click();
  await card.getByRole("button", { name: "Ban…" }).click();
  await expect(card).toContainText(`Ban ${member.name}? They can still read`);
  const ban = card.getByRole("form", { name: `Ban ${member.name}` });
  await expect(ban.getByLabel("Reason (they see it)")).toBeFocused();
  await ban.getByLabel("Reason (they see it)").fill("Spam, again and again");
  await ban.getByRole("button", { name: `Yes, ban ${member.name}` }).click();
  await expect(card).toContainText("Banned: Spam, again and again.");
  await theirs.context().close();
});
