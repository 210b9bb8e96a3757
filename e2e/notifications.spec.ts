import { expect, test, type Browser, type Page } from "./test";
import { newMember, signUp } from "./accounts";
import { importDebate } from "./fixtures";
import { baseURL, callAction, idsOf, makeMembers } from "./members";
import { stateFile } from "./staff";

// Notifications and following, two members in two browsers: A (signed up through the form, so
// with a handle and a display name to be mentioned by) and B (a week-old member made in the
// database: past the first-day posting limit, so B can post several times in a minute).

function debateWithTwoParts() {
  return importDebate((slug) => ({
    debate: { slug, title: `Notified ${slug}`, author: "E2E Author", views: 0, body: "Opening." },
    sections: [
      { slug: "first", title: "First part", position: 1 },
      { slug: "second", title: "Second part", position: 2 },
    ],
    posts: [
      {
        id: "p1",
        author: "E2E Author",
        authorNote: null,
        section: "first",
        parent: null,
        title: "Archived",
        body: "Old.",
      },
      {
        id: "p2",
        author: "E2E Author",
        authorNote: null,
        section: "second",
        parent: null,
        title: "Older",
        body: "Old.",
      },
    ],
  }));
}

/** B: a browser signed in as a member made straight in the database. */
async function memberB(browser: Browser) {
  const [b] = await makeMembers(1);
  const context = await browser.newContext();
  const split = b!.cookie.indexOf("=");
  await context.addCookies([{ name: b!.cookie.slice(0, split), value: b!.cookie.slice(split + 1), url: baseURL }]);
  return { ...b!, name: `Writer ${b!.id}`, page: await context.newPage() };
}

/** A: signs up on the subheading's page and adds a contribution there; returns its id. */
async function memberAWithContribution(page: Page, debateSlug: string, title: string, body: string) {
  const a = newMember("ana");
  await signUp(page, a, `/debates/${debateSlug}/first`);
  await page.getByRole("button", { name: "Add to the debate" }).click();
  const form = page.getByRole("form", { name: "Your contribution" });
  await form.getByLabel("Title (optional)").fill(title);
  await form.getByLabel("Your contribution").fill(body);
  await form.getByRole("button", { name: "Post contribution" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const postId = /\/posts\/([^/#?]+)/.exec(page.url())![1]!;
  return { ...a, postId };
}

/** The bell in A's header, by what it says to a screen reader. */
const bell = (page: Page, label: string) =>
  page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: label, exact: true });

/** B posts through the real Server Action, as the browser's form would. */
async function postAs(b: { cookie: string }, debateSlug: string, fields: Record<string, string>) {
  const result = await callAction("createPostAction", { pagePath: `/debates/${debateSlug}`, cookie: b.cookie, fields });
  expect(result.ok, result.text.slice(0, 300)).toBe(true);
  return result.id!;
}

test("[notifications] B replies to A's post: A's bell shows 1 without a reload, and the notification leads to the reply", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const file = debateWithTwoParts();
  const a = await memberAWithContribution(page, file.debate.slug, "Who keeps the commons?", "Commoners, I think.");
  await expect(bell(page, "Notifications, none unread")).toBeVisible();

  const b = await memberB(browser);
  await b.page.goto(`/debates/${file.debate.slug}/posts/${a.postId}`);
  const post = b.page.getByRole("article").filter({ hasText: "Commoners, I think." });
  await post.getByRole("button", { name: "Reply" }).click();
  const reply = b.page.getByRole("form", { name: `Your reply to ${a.name}` });
  await reply.getByLabel(`Your reply to ${a.name}`).fill("Everyone who uses them, in the end.");
  await reply.getByRole("button", { name: "Post reply" }).click();
  await expect(b.page.getByRole("heading", { level: 1, name: `Reply by ${b.name}` })).toBeVisible();
  const replyId = /\/posts\/([^/#?]+)/.exec(b.page.url())![1]!;

  // A has not reloaded: the live stream (or, failing it, the bell's own refresh) brings the news.
  await expect(bell(page, "1 unread notification")).toBeVisible({ timeout: 45_000 });
  await bell(page, "1 unread notification").click();
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  const item = page.getByRole("listitem").filter({ hasText: `${b.name} replied to your post in “First part”` });
  await expect(item).toContainText("Unread:");
  await expect(item).toContainText("Everyone who uses them, in the end.");
  await item.getByRole("link", { name: `${b.name} replied to your post in “First part”` }).press("Enter");

  await expect(page).toHaveURL(new RegExp(`/posts/${replyId}#post-${replyId}$`));
  await expect(page.getByRole("heading", { level: 1, name: `Reply by ${b.name}` })).toBeVisible();
  await expect(bell(page, "Notifications, none unread")).toBeVisible();
});

test("[notifications] A follows a subheading and hears of a new contribution; a muted thread stays silent", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const file = debateWithTwoParts();
  const a = newMember("ana");
  await signUp(page, a, `/debates/${file.debate.slug}/second`);
  await page.getByRole("button", { name: "Follow this subheading" }).click();
  await page.getByRole("button", { name: "Follow", exact: true }).click();
  await expect(page.getByRole("button", { name: "Following this subheading" })).toBeVisible();

  const b = await memberB(browser);
  const { subheadingId } = await idsOf(file.debate.slug, "second", "p2");
  const threadId = await postAs(b, file.debate.slug, { subheadingId, title: "Commons and the state", body: "First." });
  await expect(bell(page, "1 unread notification")).toBeVisible({ timeout: 45_000 });

  // A mutes that thread from its page, reached through the notification.
  await page.goto("/notifications");
  await page.getByRole("link", { name: `${b.name} added a contribution in “Second part”` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Commons and the state" })).toBeVisible();
  await page.getByRole("button", { name: "Follow this thread" }).click();
  await page.getByRole("button", { name: "Mute", exact: true }).click();
  await expect(page.getByRole("button", { name: "Muted: this thread" })).toBeVisible();

  // A reply in the muted thread, then a new contribution: A hears of the second only.
  await postAs(b, file.debate.slug, { subheadingId, parentId: threadId, body: "Replying in the muted thread." });
  await postAs(b, file.debate.slug, { subheadingId, title: "Another thread", body: "Second." });
  await page.goto("/notifications");
  const list = page.getByRole("main").getByRole("listitem");
  await expect(list).toHaveCount(2);
  await expect(list.first()).toContainText(`${b.name} added a contribution in “Second part”`);
  await expect(list.first()).toContainText("Second.");
  await expect(page.getByRole("main")).not.toContainText("Replying in the muted thread.");
});

test("[notifications] an @mention and a quote in one post notify once; a moderator hiding A's post tells A why", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const file = debateWithTwoParts();
  const a = await memberAWithContribution(page, file.debate.slug, "Markets and commons", "Markets are not the enemy.");
  const b = await memberB(browser);
  const { subheadingId } = await idsOf(file.debate.slug, "first", "p1");
  const link = `/debates/${file.debate.slug}/posts/${a.postId}#post-${a.postId}`;
  await postAs(b, file.debate.slug, {
    subheadingId,
    title: "A doubt",
    body: `> Markets are not the enemy.\n>\n> — [${a.name}](${link})\n\n@${a.name} are you sure?`,
  });
  await expect(bell(page, "1 unread notification")).toBeVisible({ timeout: 45_000 });
  await page.goto("/notifications");
  const list = page.getByRole("main").getByRole("listitem");
  await expect(list).toHaveCount(1);
  await expect(list.first()).toContainText(`${b.name} quoted you in “First part”`);

  const mod = await (await browser.newContext({ storageState: stateFile("moderator") })).newPage();
  await mod.goto(link);
  const tools = mod
    .getByRole("article")
    .filter({ hasText: "Markets are not the enemy." })
    .getByRole("group", { name: "Moderator tools" });
  await tools.getByRole("button", { name: "Moderate", exact: true }).click();
  await tools.getByLabel("Reason (readers see it)").fill("Off topic for this debate");
  await tools.getByRole("button", { name: "Hide post" }).click();
  await expect(mod.getByText("Off topic for this debate").first()).toBeVisible();

  // The quote is still unread (only opening a notification marks it).
  await expect(bell(page, "2 unread notifications")).toBeVisible({ timeout: 45_000 });
  await page.reload();
  const told = page.getByRole("listitem").filter({ hasText: "A moderator hid your post: Off topic for this debate" });
  await expect(told).toContainText("This post has since been removed.");
  await expect(told).not.toContainText("Markets are not the enemy.");
});
