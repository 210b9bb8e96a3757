import { expect, test } from "./test";
import { newMember, signUp } from "./accounts";
import { importDebate } from "./fixtures";
import { as } from "./staff";

function twoPartDebate(
  extraPosts: { id: string; section: string; parent: string | null; body: string; author?: string }[] = [],
) {
  return importDebate((slug) => ({
    debate: { slug, title: `Moderated ${slug}`, author: "E2E Author", views: 0, body: "Opening." },
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
        title: "A contribution",
        body: "Something quite rude is said here.",
      },
      ...extraPosts.map((p) => ({ author: "E2E Author", authorNote: null, title: null, ...p })),
    ],
  }));
}

test("[moderation] a member reports a post, a moderator hides it from the queue, the public log shows it", async ({
  page,
  browser,
}) => {
  const file = twoPartDebate();
  const member = newMember("reporter");
  await signUp(page, member, `/debates/${file.debate.slug}/first`);
  const post = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "A contribution" }) });
  await post.getByRole("button", { name: "Report" }).click();
  await post.getByLabel("What is wrong with this post?").fill("Insults other participants");
  await post.getByRole("button", { name: "Send report" }).click();
  await expect(post.getByText("Thank you: a moderator will look at it.")).toBeVisible();

  const mod = await as(browser, "moderator");
  await mod.goto("/moderation/reports");
  const item = mod.getByRole("article").filter({ hasText: "Something quite rude is said here." });
  await expect(item).toContainText(`${member.name}: Insults other participants`);
  await item.getByLabel("Reason (readers see it)").fill("Personal attacks");
  await item.getByRole("button", { name: "Hide post" }).click();
  // Gone from the open queue (other specs running alongside may have reports of their own open).
  await expect(mod.getByRole("article").filter({ hasText: "Something quite rude is said here." })).toHaveCount(0);
  await mod.getByRole("link", { name: "Resolved" }).click();
  await expect(mod.getByRole("article").filter({ hasText: "Something quite rude" })).toContainText(
    "Post hidden: Personal attacks — by E2E Moderator",
  );

  const reader = await (await browser.newContext()).newPage();
  await reader.goto("/moderation");
  const entry = reader.getByRole("article", { name: "E2E Moderator hid a post" }).first();
  await expect(entry).toContainText("Reason: Personal attacks");
  await expect(reader.getByRole("main")).not.toContainText(member.name);
  await reader.goto(`/debates/${file.debate.slug}/first`);
  await expect(reader.getByText("Hidden by a moderator: Personal attacks")).toBeVisible();
  await expect(reader.getByText("Something quite rude is said here.")).toHaveCount(0);

  // Moderators still see the content.
  await mod.goto(`/debates/${file.debate.slug}/first`);
  const hiddenPost = mod.getByRole("article").filter({ hasText: "Hidden by a moderator: Personal attacks" });
  await hiddenPost.getByRole("button", { name: "Moderate", exact: true }).click();
  await hiddenPost.getByRole("button", { name: "Show hidden content" }).click();
  await expect(mod.getByText("Something quite rude is said here.")).toBeVisible();
});

test("[moderation] a moderator moves a reply to another subheading and it appears there with its replies", async ({
  browser,
}) => {
  const file = twoPartDebate([
    { id: "r1", section: "first", parent: "p0", body: "A misplaced reply about the second part." },
    { id: "r2", section: "first", parent: "r1", body: "An answer to the misplaced reply." },
  ]);
  const mod = await as(browser, "moderator");
  await mod.goto(`/debates/${file.debate.slug}/first`);
  const reply = mod.getByRole("article", { name: "Reply by E2E Author" }).filter({ hasText: "A misplaced reply" });
  await reply.getByRole("button", { name: "Moderate", exact: true }).click();
  const move = reply.getByRole("form", { name: "Move reply by E2E Author to…" });
  await move.getByLabel("Move with its replies to").selectOption({ label: "Second part" });
  await move.getByRole("button", { name: "Move", exact: true }).click();
  await expect(mod.getByText("A misplaced reply")).toHaveCount(0);

  await mod.goto(`/debates/${file.debate.slug}/second`);
  const moved = mod.getByRole("listitem").filter({
    has: mod.getByRole("article", { name: "Contribution by E2E Author" }).filter({ hasText: "A misplaced reply" }),
  });
  await expect(moved.getByRole("article", { name: "Reply by E2E Author" })).toContainText(
    "An answer to the misplaced reply.",
  );
  await expect(mod.getByText("1 contribution, 1 reply")).toBeVisible();
});

test("[moderation] a locked subheading shows the notice and refuses a post", async ({ page, browser }) => {
  const file = twoPartDebate();
  const url = `/debates/${file.debate.slug}/first`;
  const member = newMember("locked-out");
  await signUp(page, member, url);
  await page.getByRole("button", { name: "Add to the debate" }).click();
  await page
    .getByRole("form", { name: "Your contribution" })
    .getByLabel("Your contribution")
    .fill("Written before the lock.");

  const mod = await as(browser, "moderator");
  await mod.goto(url);
  await mod.getByText("Moderate this subheading").click();
  await mod.getByRole("button", { name: "Lock this subheading" }).click();
  await expect(mod.getByText("Locked: reading goes on, posting is refused.")).toBeVisible();

  await page
    .getByRole("form", { name: "Your contribution" })
    .getByRole("button", { name: "Post contribution" })
    .click();
  await expect(
    page.getByText("This part of the debate is locked: it can be read, but no longer added to."),
  ).toBeVisible();
  await expect(page.getByRole("form", { name: "Your contribution" }).getByLabel("Your contribution")).toHaveValue(
    "Written before the lock.",
  );
  await page.reload();
  await expect(page.getByRole("note")).toContainText("This subheading is locked");
  await expect(page.getByRole("button", { name: "Add to the debate" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Reply" })).toHaveCount(0);
  await expect(page.getByText("Locked: this can be read, but no longer replied to.")).toBeVisible();
  await expect(page.getByText("Something quite rude is said here.")).toBeVisible();
});

test("[moderation] a suspended member sees why and until when, and cannot post", async ({ page, browser }) => {
  const file = twoPartDebate();
  const url = `/debates/${file.debate.slug}/first`;
  const member = newMember("suspended");
  await signUp(page, member, url);
  await expect(page.getByRole("button", { name: "Add to the debate" })).toBeVisible();

  const mod = await as(browser, "moderator");
  await mod.goto(`/moderation/users?q=${encodeURIComponent(member.email)}`);
  const card = mod.getByRole("article", { name: member.name });
  await card.getByText(`Moderate ${member.name}`).click();
  const suspend = card.getByRole("form", { name: `Suspend ${member.name}` });
  await suspend.getByLabel("Hours").fill("48");
  await suspend.getByLabel("Reason (they see it)").fill("Cooling off after a flame war");
  await suspend.getByRole("button", { name: "Suspend" }).click();
  await expect(card).toContainText(/Suspended until .+\d: Cooling off after a flame war/);

  await page.reload();
  await expect(page.getByRole("note")).toContainText(
    /You are suspended until \d{1,2} \w+ \d{4}, \d\d:\d\d UTC: Cooling off after a flame war\./,
  );
  await expect(page.getByRole("button", { name: "Add to the debate" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Reply" })).toHaveCount(0);
  await expect(page.getByText("Something quite rude is said here.")).toBeVisible();
});

test("[moderation] an admin opens a debate with three subheadings and a member posts under one", async ({
  page,
  browser,
}) => {
  const admin = await as(browser, "admin");
  const title = `Cooperatives and the commons ${Date.now()}`;
  await admin.goto("/debates/new");
  await admin.getByLabel("Title").fill(title);
  await admin.getByLabel("Opening post").fill("Where do **cooperatives** fit?");
  await admin.getByLabel("Subheading 1", { exact: true }).fill("History");
  await admin.getByRole("button", { name: "Add a subheading" }).click();
  await admin.getByLabel("Subheading 2", { exact: true }).fill("Platform cooperatives");
  await admin.getByRole("button", { name: "Add a subheading" }).click();
  await admin.getByLabel("Subheading 3", { exact: true }).fill("The state");
  await admin.getByRole("button", { name: "Open the debate" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(admin.getByRole("navigation", { name: "Subheadings" }).getByRole("link")).toHaveText([
    "1.History",
    "2.Platform cooperatives",
    "3.The state",
  ]);
  const debateUrl = admin.url();

  const member = newMember("cooperator");
  await signUp(page, member, new URL(debateUrl).pathname);
  await page.getByRole("button", { name: "Add to the debate" }).click();
  const form = page.getByRole("form", { name: "Your contribution" });
  await form.getByLabel("Subheading").selectOption({ label: "Platform cooperatives" });
  await form.getByLabel("Your contribution").fill("Platform co-ops share the platform's value with its users.");
  await form.getByRole("button", { name: "Post contribution" }).click();
  await expect(
    page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Platform cooperatives" }),
  ).toBeVisible();
  await page.goto(new URL(debateUrl).pathname);
  await expect(page.getByRole("region", { name: "Platform cooperatives" })).toContainText(
    "Platform co-ops share the platform's value",
  );

  // Renaming a subheading keeps its old address working.
  await admin.goto(`${new URL(debateUrl).pathname}/manage`);
  const history = admin.getByRole("form", { name: "Rename History" });
  await history.getByLabel("Title").fill("Early history");
  await history.getByRole("button", { name: "Rename" }).click();
  await expect(admin.getByText("Renamed; the old address still leads here.")).toBeVisible();
  await admin.goto(`${new URL(debateUrl).pathname}/history`);
  await expect(admin).toHaveURL(/\/early-history$/);
  await expect(admin.getByRole("heading", { level: 1, name: "Early history" })).toBeVisible();
});
