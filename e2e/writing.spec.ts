import { expect, type Page, test } from "./test";
import { newMember, signUp } from "./accounts";
import { importDebate } from "./fixtures";
import { as } from "./staff";

// Writing (issue 11): the floating Quote, the countdown after a refusal, a newcomer's first minute,
// forms that keep what was chosen, Escape, the notes a move leaves, and "You reported this post".

const SAID = "Commons are made by the people who keep them";

function writingDebate() {
  return importDebate((slug) => ({
    debate: { slug, title: `Writing ${slug}`, author: "E2E Author", views: 0, body: "Opening." },
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
        body: `${SAID}, and by nobody else. Markets come and go.`,
      },
      {
        id: "p1",
        author: "E2E Author",
        authorNote: null,
        section: "first",
        parent: null,
        title: "Another contribution",
        body: "This one belongs to the second part.",
      },
      {
        id: "r1",
        author: "E2E Author",
        authorNote: null,
        section: "first",
        parent: "p0",
        title: null,
        body: "A reply that wandered off topic.",
      },
    ],
  }));
}

/** Selects `text` inside the first element whose text holds it, as a reader's drag would; its rectangle. */
async function select(page: Page, text: string) {
  await page
    .getByText(text)
    .first()
    .evaluate((el, wanted) => {
      const node = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes(wanted))!;
      const start = node.textContent!.indexOf(wanted);
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + wanted.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    }, text);
  return page.evaluate(() => document.getSelection()!.getRangeAt(0).getBoundingClientRect().toJSON() as DOMRect);
}

const contribution = (page: Page, title: string) =>
  page.getByRole("article").filter({ has: page.getByRole("heading", { name: title, exact: true }) });

test("[writing] a floating Quote appears next to selected text and opens the reply with the quote", async ({
  page,
}) => {
  const file = writingDebate();
  const url = `/debates/${file.debate.slug}/first`;
  await signUp(page, newMember("quoter"), url);
  await expect(contribution(page, "A contribution").getByRole("button", { name: "Reply" })).toBeVisible();

  const rect = await select(page, SAID);
  const quote = page.getByRole("button", { name: "Quote", exact: true });
  await expect(quote).toHaveCount(1); // one for the page, not one per post
  await expect(quote).toBeVisible();
  // Next to the selection: just below it, horizontally over it, inside the viewport.
  const box = (await quote.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(rect.bottom - 1);
  expect(box.y).toBeLessThan(rect.bottom + 40);
  expect(box.x + box.width).toBeGreaterThan(rect.left);
  expect(box.x).toBeLessThan(rect.right);

  await quote.click();
  const reply = page.getByRole("form", { name: "Your reply to E2E Author" });
  const text = reply.getByLabel("Your reply to E2E Author");
  await expect(text).toHaveValue(new RegExp(`^> ${SAID}\\n>\\n> — \\[E2E Author\\]\\(/debates/`));
  await expect(text).toBeFocused();
  await expect(quote).toHaveCount(0);

  // The keyboard: `q` with text selected in a post quotes it.
  await reply.getByRole("button", { name: "Cancel" }).click();
  await select(page, "Markets come and go.");
  await expect(page.getByRole("button", { name: "Quote", exact: true })).toBeVisible();
  await page.keyboard.press("q");
  // Cancel kept the draft: the second quote follows the first.
  await expect(text).toHaveValue(/^> Commons are made[^]*\n\n> Markets come and go\.\n>\n> — \[E2E Author\]/);

  // On a phone the button stays inside the screen.
  await page.setViewportSize({ width: 320, height: 640 });
  await reply.getByRole("button", { name: "Cancel" }).click();
  await select(page, SAID);
  const phoneBox = (await page.getByRole("button", { name: "Quote", exact: true }).boundingBox())!;
  expect(phoneBox.x).toBeGreaterThanOrEqual(0);
  expect(phoneBox.x + phoneBox.width).toBeLessThanOrEqual(320);
  expect(phoneBox.y + phoneBox.height).toBeLessThanOrEqual(640);

  // Selections outside a post's body offer nothing.
  await select(page, "First part");
  await expect(page.getByRole("button", { name: "Quote", exact: true })).toHaveCount(0);
});

test("[writing] a member's follow button, arriving after the page, does not move what they read", async ({ page }) => {
  const file = writingDebate();
  const url = `/debates/${file.debate.slug}/first`;
  await signUp(page, newMember("steady"), url);
  // The member's follow state comes late (a slow answer), after their other controls.
  let answer: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (answer = resolve));
  await page.route("**/api/me/follows**", async (route) => {
    await held;
    await route.continue();
  });
  await page.reload();
  const reply = contribution(page, "A contribution").getByRole("button", { name: "Reply" });
  await expect(reply).toBeVisible();
  const before = (await reply.boundingBox())!.y;
  answer();
  await expect(page.getByRole("button", { name: "Follow this subheading" })).toBeEnabled();
  expect((await reply.boundingBox())!.y).toBe(before);

  // A reader is offered the same place: a link that signs them in first, and brings them back.
  const reader = await page.context().browser()!.newContext();
  const readerPage = await reader.newPage();
  await readerPage.goto(url);
  await readerPage.getByRole("link", { name: "Follow this subheading (sign in first)" }).click();
  await expect(readerPage).toHaveURL(`/sign-in?callbackUrl=${encodeURIComponent(url)}`);
  await reader.close();
});

test("[writing] a brand-new member posts a contribution, a reply and a quote in their first minute; then a countdown, the choices kept", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const file = writingDebate();
  const url = `/debates/${file.debate.slug}/first`;
  const member = newMember("first-minute");
  await signUp(page, member, url);

  // The fourth post is written in a second tab while the first three are sent, so that it goes
  // well within the minute of the first even on a slow machine.
  const later = await page.context().newPage();
  await later.goto(url);
  await later.getByRole("button", { name: "Add to the debate" }).click();
  const fourth = later.getByRole("form", { name: "Your contribution" });

  // 1. A contribution: the member is shown their new post.
  await page.getByRole("button", { name: "Add to the debate" }).click();
  const form = page.getByRole("form", { name: "Your contribution" });
  await expect(form.getByLabel("Your contribution")).toBeFocused();
  await form.getByLabel("Your contribution").fill("My first contribution.");
  await form.getByRole("button", { name: "Post contribution" }).click();
  await expect(page.getByRole("article").filter({ hasText: "My first contribution." }).first()).toBeVisible();
  await expect(page).toHaveURL(/\/posts\/.+#post-/);
  // (Typed once the first is sent, since both tabs would restore the same draft.)
  await fourth.getByLabel("Subheading").selectOption({ label: "Second part" });
  await fourth.getByLabel("Title (optional)").fill("Fourth");
  await fourth.getByLabel("Your contribution").fill("One more, too soon.");

  // 2. A reply.
  await page.goto(url);
  await contribution(page, "A contribution").getByRole("button", { name: "Reply" }).first().click();
  const reply = page.getByRole("form", { name: "Your reply to E2E Author" });
  await reply.getByLabel("Your reply to E2E Author").fill("My first reply.");
  await reply.getByRole("button", { name: "Post reply" }).click();
  await expect(page.getByRole("article").filter({ hasText: "My first reply." }).first()).toBeVisible();

  // 3. A quote.
  await page.goto(url);
  await select(page, SAID);
  await page.getByRole("button", { name: "Quote", exact: true }).click();
  await reply.getByLabel("Your reply to E2E Author").press("End");
  await reply.getByLabel("Your reply to E2E Author").pressSequentially("Quite so.");
  await reply.getByRole("button", { name: "Post reply" }).click();
  await expect(page.getByRole("article").filter({ hasText: "Quite so." }).first()).toBeVisible();

  // 4. A fourth within the minute is refused: a countdown, the button disabled, everything kept,
  // including the subheading chosen (a refusal used to put the list back on its placeholder).
  await later.bringToFront();
  const post = fourth.getByRole("button", { name: "Post contribution" });
  await post.click();
  await expect(fourth.getByText(/You are posting quickly\. Please wait \d+ seconds?/)).toBeVisible();
  await expect(fourth.getByText(/You can post again in 0:\d\d/)).toBeVisible();
  await expect(post).toBeDisabled();
  await expect(fourth.getByLabel("Subheading").locator("option:checked")).toHaveText("Second part");
  await expect(fourth.getByLabel("Title (optional)")).toHaveValue("Fourth");
  await expect(fourth.getByLabel("Your contribution")).toHaveValue("One more, too soon.");
  const first = await fourth.getByText(/You can post again in/).textContent();
  await expect(fourth.getByText(/You can post again in/)).not.toHaveText(first!); // it counts down

  // When the wait is over the button comes back, and the retry lands where it was filed.
  await expect(post).toBeEnabled({ timeout: 70_000 });
  await expect(fourth.getByText(/You can post again in/)).toHaveCount(0);
  await post.click();
  await expect(later).toHaveURL(/\/posts\/.+#post-/);
  await expect(
    later.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Second part" }),
  ).toBeVisible();
  await expect(later.getByRole("article").filter({ hasText: "One more, too soon." }).first()).toBeVisible();
  await later.close();
});

test("[writing] Escape closes a reply form, keeping the draft, and gives focus back to Reply", async ({ page }) => {
  const file = writingDebate();
  await signUp(page, newMember("escaper"), `/debates/${file.debate.slug}/first`);
  const replyButton = contribution(page, "Another contribution").getByRole("button", { name: "Reply" }).first();
  await replyButton.click();
  const text = page.getByRole("form", { name: "Your reply to E2E Author" }).getByLabel("Your reply to E2E Author");
  await expect(text).toBeFocused();
  await text.fill("Half a thought");
  await text.press("Escape");
  await expect(page.getByRole("form", { name: "Your reply to E2E Author" })).toHaveCount(0);
  await expect(replyButton).toBeFocused();
  await replyButton.click();
  await expect(text).toHaveValue("Half a thought");
  await expect(text).toBeFocused();
});

test("[writing] a field error clears once the field is fixed", async ({ page }) => {
  const file = writingDebate();
  await signUp(page, newMember("fixer"), `/debates/${file.debate.slug}/first`);
  await page.getByRole("button", { name: "Add to the debate" }).click();
  const form = page.getByRole("form", { name: "Your contribution" });
  await form.getByRole("button", { name: "Post contribution" }).click();
  const body = form.getByLabel("Your contribution");
  await expect(body).toHaveAttribute("aria-invalid", "true");
  const error = form.locator(`#${await body.getAttribute("id")}-error`);
  await expect(error).not.toBeEmpty();
  await body.fill("Now there is something.");
  await expect(body).toHaveAttribute("aria-invalid", "false");
  await expect(error).toBeEmpty();
});

test("[writing] a moved post says where it came from, and its old places say where it went", async ({ browser }) => {
  const file = writingDebate();
  const first = `/debates/${file.debate.slug}/first`;
  const second = `/debates/${file.debate.slug}/second`;
  // A reader has both pages cached before the moves.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(first);
  await reader.goto(second);

  const mod = await as(browser, "moderator");
  await mod.goto(first);
  const reply = mod.getByRole("article", { name: "Reply by E2E Author" }).filter({ hasText: "wandered off" });
  await reply.getByRole("button", { name: "Moderate", exact: true }).click();
  const moveReply = reply.getByRole("form", { name: "Move reply by E2E Author to…" });
  await moveReply.getByLabel("Move with its replies to").selectOption({ label: "Second part" });
  await moveReply.getByRole("button", { name: "Move", exact: true }).click();
  await expect(mod.getByText("A reply that wandered off topic.")).toHaveCount(0);

  const other = contribution(mod, "Another contribution");
  await other.getByRole("button", { name: "Moderate", exact: true }).click();
  const moveOther = other.getByRole("form", { name: /^Move .* to…$/ });
  await moveOther.getByLabel("Move with its replies to").selectOption({ label: "Second part" });
  await moveOther.getByRole("button", { name: "Move", exact: true }).click();
  await expect(contribution(mod, "Another contribution")).toHaveCount(0);

  // The old place: under the post the reply answered, and in the subheading's list.
  await reader.goto(first);
  await expect(contribution(reader, "A contribution")).toContainText(
    "A reply was moved to “Second part” by a moderator",
  );
  await expect(reader.getByText("A contribution was moved to “Second part” by a moderator")).toBeVisible();
  await reader.getByRole("link", { name: "“Second part”" }).first().click();
  await expect(reader).toHaveURL(second);

  // The new place: each moved post says where it came from.
  const movedReply = reader.getByRole("article").filter({ hasText: "A reply that wandered off topic." });
  await expect(movedReply).toContainText("Moved here from “First part” by a moderator");
  await expect(contribution(reader, "Another contribution")).toContainText(
    "Moved here from “First part” by a moderator",
  );
});

test("[writing] a member's report closes the form with a confirmation, and the post then says they reported it", async ({
  page,
}) => {
  const file = writingDebate();
  const url = `/debates/${file.debate.slug}/first`;
  await signUp(page, newMember("reporter"), url);
  const post = contribution(page, "A contribution");
  await post.getByRole("button", { name: "Report" }).first().click();
  await post.getByLabel("What is wrong with this post?").fill("Off topic");
  await post.getByRole("button", { name: "Send report" }).click();
  await expect(post.getByRole("form", { name: "Report this post" })).toHaveCount(0);
  await expect(post.getByText("Thank you: a moderator will look at it.")).toBeVisible();
  await expect(post.getByText("You reported this post").first()).toBeVisible();

  await page.reload();
  await expect(post.getByText("You reported this post").first()).toBeVisible();
  // Only on the post reported, and the cached page itself stays the same for everyone.
  await expect(contribution(page, "Another contribution").getByText("You reported this post")).toHaveCount(0);
  const reader = await (await page.context().browser()!.newContext()).newPage();
  await reader.goto(url);
  await expect(reader.getByText("A contribution", { exact: true })).toBeVisible();
  await expect(reader.getByText("You reported this post")).toHaveCount(0);
});
