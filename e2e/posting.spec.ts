import { expect, test } from "./test";
import { newMember, signIn, signOut, signUp } from "./accounts";

const COMMONS = "/debates/p2p-and-marxism/the-commons";
const SENTENCE = "The distinction between capitalist and non-capitalist commons is of course an important one";

test("[posting] a newcomer signs up, contributes, replies with a quote, edits, deletes, signs out", async ({
  page,
}) => {
  const member = newMember("newcomer");

  // Sign up, then sign out and back in as anyone would.
  await signUp(page, member, COMMONS);
  await expect(page).toHaveURL(COMMONS);
  await signOut(page, member);
  await signIn(page, member);
  await expect(page).toHaveURL(COMMONS);
  await expect(page.getByRole("button", { name: `Account menu for ${member.name}` })).toBeVisible();

  // A contribution under "The role of the commons", preselected on its page.
  await page.getByRole("button", { name: "Add to the debate" }).click();
  const form = page.getByRole("form", { name: "Your contribution" });
  await expect(form.getByLabel("Subheading")).toHaveValue(/.+/);
  await expect(form.getByLabel("Subheading").locator("option:checked")).toHaveText("The role of the commons");
  await form.getByLabel("Title (optional)").fill(`Commons need care (${member.name})`);
  await form.getByLabel("Your contribution").fill("Every commons needs **commoners** who look after it.");
  await form.getByRole("button", { name: "Preview" }).click();
  await expect(form.getByText("commoners", { exact: true })).toBeVisible();
  await form.getByRole("button", { name: "Write" }).click();
  await form.getByRole("button", { name: "Post contribution" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Commons need care (${member.name})` })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "The role of the commons" }),
  ).toBeVisible();

  // Reply to Michel Bauwens, quoting a sentence of his.
  await page.goto(COMMONS);
  const michel = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: "Should we worry about capitalist commons?" }) });
  await michel.getByText(SENTENCE).evaluate((el, sentence) => {
    const text = el.firstChild!;
    const start = text.textContent!.indexOf(sentence);
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, start + sentence.length);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  }, SENTENCE);
  // One floating "Quote" for the page, next to the selection (components/floating-quote.tsx).
  await page.getByRole("button", { name: "Quote", exact: true }).click();
  const reply = page.getByRole("form", { name: "Your reply to Michel Bauwens" });
  await expect(reply.getByLabel("Your reply to Michel Bauwens")).toHaveValue(new RegExp(`^> ${SENTENCE}`));
  await reply.getByLabel("Your reply to Michel Bauwens").press("End");
  await reply.getByLabel("Your reply to Michel Bauwens").pressSequentially("Hybrid commons are the rule.");
  await reply.getByRole("button", { name: "Post reply" }).click();

  await expect(page.getByRole("heading", { level: 1, name: `Reply by ${member.name}` })).toBeVisible();
  await expect(page.getByRole("region", { name: "In reply to" })).toContainText(
    "Should we worry about capitalist commons?",
  );
  const mine = page.getByRole("region", { name: "The post and its replies" }).getByRole("article").first();
  await expect(mine.locator("blockquote")).toContainText(SENTENCE);
  await expect(mine.getByRole("link", { name: "Michel Bauwens" })).toHaveAttribute(
    "href",
    /\/debates\/p2p-and-marxism\/posts\/.+#post-/,
  );

  // Edit it; the history lists both versions, with who and when.
  await mine.getByRole("button", { name: "Edit" }).click();
  const edit = page.getByRole("form", { name: "Edit your post" });
  await edit.getByLabel("Edit your post").fill(`> ${SENTENCE}\n\nHybrid commons are the rule, not the exception.`);
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(mine).toContainText("Hybrid commons are the rule, not the exception.");
  await mine.getByRole("link", { name: /edited/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Edit history/ })).toBeVisible();
  await expect(page.getByRole("article")).toHaveCount(2);
  await expect(page.getByRole("article", { name: /Version 2/ })).toContainText(`Edited by ${member.name}`);
  await expect(page.getByRole("article", { name: /Version 1/ })).toContainText("Hybrid commons are the rule.");
  await page.goBack();

  // Delete it: a tombstone stays in its place.
  await mine.getByRole("button", { name: "Delete" }).click();
  await mine.getByRole("button", { name: "Delete post" }).click();
  await expect(mine).toContainText("Deleted by its author.");
  await expect(mine).not.toContainText("Hybrid commons");

  // Sign out; a wrong password is refused without saying which part was wrong.
  await signOut(page, member);
  await signIn(page, { email: member.email, password: "not-the-password" });
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(member.email);
});

test("[posting] a draft survives a reload and a refused submit", async ({ page }) => {
  const member = newMember("drafter");
  await signUp(page, member, COMMONS);
  await page.getByRole("button", { name: "Add to the debate" }).click();
  const form = page.getByRole("form", { name: "Your contribution" });
  await form.getByLabel("Title (optional)").fill("A title worth keeping");
  await form.getByRole("button", { name: "Post contribution" }).click();
  await expect(form.getByText("Write something first.")).toBeVisible();
  await expect(form.getByLabel("Your contribution")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Title (optional)")).toHaveValue("A title worth keeping");
  await form.getByLabel("Your contribution").fill("A thought worth keeping.");

  await page.reload();
  await page.getByRole("button", { name: "Add to the debate" }).click();
  const again = page.getByRole("form", { name: "Your contribution" });
  await expect(again.getByLabel("Your contribution")).toHaveValue("A thought worth keeping.");
  await expect(again.getByLabel("Title (optional)")).toHaveValue("A title worth keeping");

  // Posting clears the draft.
  await again.getByRole("button", { name: "Post contribution" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "A title worth keeping" })).toBeVisible();
  await page.goto(COMMONS);
  await page.getByRole("button", { name: "Add to the debate" }).click();
  await expect(page.getByRole("form", { name: "Your contribution" }).getByLabel("Your contribution")).toHaveValue("");
});

test("[posting] signed out, a reader is offered sign-in and comes back to the same page", async ({ page }) => {
  const member = newMember("returner");
  await signUp(page, member);
  await signOut(page, member);
  await page.goto(COMMONS);
  await page.getByRole("link", { name: "Sign in to add to the debate" }).click();
  await page.getByLabel("Email").fill(member.email);
  await page.getByLabel("Password").fill(member.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(COMMONS);
  await expect(page.getByRole("button", { name: "Add to the debate" })).toBeVisible();
});

test("[accounts] sign-up refuses a common password and keeps what was typed", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Display name").fill("Common Pat");
  await page.getByLabel("Email").fill(`pat-${Date.now()}@example.test`);
  await page.getByLabel("Password").fill("password123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(/one of the most common/)).toBeVisible();
  await expect(page.getByLabel("Display name")).toHaveValue("Common Pat");
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
});

test("[accounts] signing out everywhere ends the session on another device at its next request", async ({
  browser,
}) => {
  const member = newMember("traveller");
  const laptop = await browser.newContext();
  const phone = await browser.newContext();
  const onLaptop = await laptop.newPage();
  const onPhone = await phone.newPage();
  await signUp(onLaptop, member, COMMONS);
  await onPhone.goto(COMMONS);
  await signIn(onPhone, member);
  await expect(onPhone.getByRole("button", { name: "Add to the debate" })).toBeVisible();

  await onLaptop.getByRole("button", { name: `Account menu for ${member.name}` }).click();
  await onLaptop.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(
    onLaptop.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign in" }),
  ).toBeVisible();

  await onPhone.reload();
  await expect(
    onPhone.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign in" }),
  ).toBeVisible();
  await expect(onPhone.getByRole("link", { name: "Sign in to add to the debate" })).toBeVisible();
  await laptop.close();
  await phone.close();
});

test("[accounts] changing the password keeps this session and ends the others", async ({ browser }) => {
  const member = newMember("changer");
  const here = await (await browser.newContext()).newPage();
  const there = await (await browser.newContext()).newPage();
  await signUp(here, member, "/");
  await there.goto("/");
  await signIn(there, member);
  await expect(there.getByRole("button", { name: `Account menu for ${member.name}` })).toBeVisible();

  await here.getByRole("button", { name: `Account menu for ${member.name}` }).click();
  await here.getByRole("link", { name: "Your account" }).click();
  await here.getByLabel("Current password").fill("not it");
  await here.getByLabel("New password").fill("a fresh long passphrase");
  await here.getByRole("button", { name: "Change password" }).click();
  await expect(here.getByText("That is not your current password.")).toBeVisible();
  await here.getByLabel("Current password").fill(member.password);
  await here.getByRole("button", { name: "Change password" }).click();
  await expect(here.getByText(/Your password is changed/)).toBeVisible();
  await here.goto(COMMONS);
  await expect(here.getByRole("button", { name: "Add to the debate" })).toBeVisible();

  await there.reload();
  await expect(there.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("[accounts] on a slow phone, a form pressed before its scripts have run waits for them: nothing typed is lost, no password in an address", async ({
  page,
}) => {
  const member = newMember("hurried");
  await signUp(page, member);
  await signOut(page, member);
  const addresses: string[] = [];
  page.on("request", (request) => addresses.push(request.url()));
  // The page's scripts arrive well after its HTML, and the member does not wait for them.
  await page.route(/\/_next\/static\/.*\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });

  await page.goto("/sign-in", { waitUntil: "domcontentloaded" });
  await page.getByLabel("Email").fill(member.email);
  await page.getByLabel("Password").fill(member.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: `Account menu for ${member.name}` })).toBeVisible();
  expect(addresses.filter((url) => /[?&]password=/.test(url))).toEqual([]);

  await page.goto("/account", { waitUntil: "domcontentloaded" });
  const profile = page.getByRole("region", { name: "Your profile" });
  await profile.getByLabel("Bio (optional)").fill("I came in **early**.");
  await profile.getByRole("button", { name: "Save profile" }).click();
  await expect(profile.getByText("Your profile is saved.")).toBeVisible();
  await expect(profile.getByLabel("Bio (optional)")).toHaveValue("I came in **early**.");
});
